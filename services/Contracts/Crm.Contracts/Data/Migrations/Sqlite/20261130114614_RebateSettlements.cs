using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RebateSettlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RebateSettlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodFirst = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodLast = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Through = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EligibleNetSales = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Withheld = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Earned = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SettledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RebateSettlements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RebateSettlements_ContractId_PeriodFirst_Sequence",
                table: "RebateSettlements",
                columns: new[] { "ContractId", "PeriodFirst", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RebateSettlements_CustomerId",
                table: "RebateSettlements",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RebateSettlements");
        }
    }
}
