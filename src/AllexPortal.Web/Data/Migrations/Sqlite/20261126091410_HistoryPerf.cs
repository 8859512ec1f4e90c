using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllexPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryPerf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "QuoteAmountOrder",
                table: "LedgerTrades",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_ConnectionId_Address",
                table: "LedgerTransfers",
                columns: new[] { "ConnectionId", "Address" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_ConnectionId_TransactionId",
                table: "LedgerTransfers",
                columns: new[] { "ConnectionId", "TransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "QuoteAmountOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerTransfers_ConnectionId_Address",
                table: "LedgerTransfers");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTransfers_ConnectionId_TransactionId",
                table: "LedgerTransfers");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder",
                table: "LedgerTrades");

            migrationBuilder.DropColumn(
                name: "QuoteAmountOrder",
                table: "LedgerTrades");
        }
    }
}
