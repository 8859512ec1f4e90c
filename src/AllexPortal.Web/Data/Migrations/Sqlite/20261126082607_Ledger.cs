using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllexPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CachedCandleRanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Exchange = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CachedCandleRanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CachedCandles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Exchange = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OpenTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Close = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CachedCandles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExchangeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BaseCurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuoteCurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Size = table.Column<decimal>(type: "TEXT", nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", nullable: true),
                    Stop = table.Column<decimal>(type: "TEXT", nullable: true),
                    Filled = table.Column<decimal>(type: "TEXT", nullable: false),
                    Average = table.Column<decimal>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", nullable: false),
                    FeeCoin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerOrders_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerSyncStates",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cursor = table.Column<long>(type: "INTEGER", nullable: true),
                    Complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    LastChangeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerSyncStates", x => new { x.ConnectionId, x.Kind });
                    table.ForeignKey(
                        name: "FK_LedgerSyncStates_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BaseCurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuoteCurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Size = table.Column<decimal>(type: "TEXT", nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", nullable: false),
                    QuoteAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", nullable: false),
                    FeeCoin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerTrades_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ExchangeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", nullable: false),
                    FeeCoin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Network = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CachedCandleRanges_Exchange_Symbol_Resolution_From",
                table: "CachedCandleRanges",
                columns: new[] { "Exchange", "Symbol", "Resolution", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_CachedCandles_Exchange_Symbol_Resolution_OpenTime",
                table: "CachedCandles",
                columns: new[] { "Exchange", "Symbol", "Resolution", "OpenTime" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerOrders_ConnectionId_CreatedAt_Id",
                table: "LedgerOrders",
                columns: new[] { "ConnectionId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerOrders_ConnectionId_ExchangeId",
                table: "LedgerOrders",
                columns: new[] { "ConnectionId", "ExchangeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerOrders_ConnectionId_IsOpen",
                table: "LedgerOrders",
                columns: new[] { "ConnectionId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerOrders_ConnectionId_Symbol_CreatedAt_Id",
                table: "LedgerOrders",
                columns: new[] { "ConnectionId", "Symbol", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_Key",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_OrderId",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_Symbol_Timestamp_Id",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "Symbol", "Timestamp", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTrades_ConnectionId_Timestamp_Id",
                table: "LedgerTrades",
                columns: new[] { "ConnectionId", "Timestamp", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_ConnectionId_Direction_CreatedAt_Id",
                table: "LedgerTransfers",
                columns: new[] { "ConnectionId", "Direction", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_ConnectionId_Direction_Currency_CreatedAt_Id",
                table: "LedgerTransfers",
                columns: new[] { "ConnectionId", "Direction", "Currency", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_ConnectionId_Direction_ExchangeId",
                table: "LedgerTransfers",
                columns: new[] { "ConnectionId", "Direction", "ExchangeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_ConnectionId_Direction_State",
                table: "LedgerTransfers",
                columns: new[] { "ConnectionId", "Direction", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CachedCandleRanges");

            migrationBuilder.DropTable(
                name: "CachedCandles");

            migrationBuilder.DropTable(
                name: "LedgerOrders");

            migrationBuilder.DropTable(
                name: "LedgerSyncStates");

            migrationBuilder.DropTable(
                name: "LedgerTrades");

            migrationBuilder.DropTable(
                name: "LedgerTransfers");
        }
    }
}
