using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllexPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AmountSortIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder",
                table: "LedgerTrades");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder_Timestamp_Id",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "QuoteAmountOrder", "Timestamp", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder_Timestamp_Id",
                table: "LedgerTrades");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "QuoteAmountOrder" });
        }
    }
}
