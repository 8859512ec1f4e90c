using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllexPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamsAndScaleOut : Migration
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

            // Fills synced before the column existed get their sort value from the exact amount they already hold.
            migrationBuilder.Sql("UPDATE \"LedgerTrades\" SET \"QuoteAmountOrder\" = CAST(\"QuoteAmount\" AS REAL);");

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "Connections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LastWorkspaceId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Etag = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcquiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Workspaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeclinedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclinedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamInvitations_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamInvitations_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceMembers",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceMembers", x => new { x.WorkspaceId, x.UserId });
                    table.ForeignKey(
                        name: "FK_WorkspaceMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceMembers_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_Connections_WorkspaceId",
                table: "Connections",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamInvitations_CreatedByUserId",
                table: "TeamInvitations",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamInvitations_TokenHash",
                table: "TeamInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamInvitations_WorkspaceId_Email",
                table: "TeamInvitations",
                columns: new[] { "WorkspaceId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceMembers_UserId",
                table: "WorkspaceMembers",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Connections_Workspaces_WorkspaceId",
                table: "Connections",
                column: "WorkspaceId",
                principalTable: "Workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Connections_Workspaces_WorkspaceId",
                table: "Connections");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "TeamInvitations");

            migrationBuilder.DropTable(
                name: "WorkspaceMembers");

            migrationBuilder.DropTable(
                name: "Workspaces");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTransfers_ConnectionId_Address",
                table: "LedgerTransfers");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTransfers_ConnectionId_TransactionId",
                table: "LedgerTransfers");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTrades_ConnectionId_QuoteAmountOrder",
                table: "LedgerTrades");

            migrationBuilder.DropIndex(
                name: "IX_Connections_WorkspaceId",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "QuoteAmountOrder",
                table: "LedgerTrades");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "LastWorkspaceId",
                table: "AspNetUsers");
        }
    }
}
