using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SalesPlansAndRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthlySales",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GrossQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NetQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NetAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    StockQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SlowMovingQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlySales", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Support = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DeliveredRegion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GrossQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NetQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NetAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    StockQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SlowMovingQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlySales_CustomerId_Month",
                table: "MonthlySales",
                columns: new[] { "CustomerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlySales_Region_Month",
                table: "MonthlySales",
                columns: new[] { "Region", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesPlans_CustomerId_Month",
                table: "SalesPlans",
                columns: new[] { "CustomerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesPlans_Region_Month",
                table: "SalesPlans",
                columns: new[] { "Region", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_SalesRecords_CustomerId_Month_ProductCode_DeliveredRegion",
                table: "SalesRecords",
                columns: new[] { "CustomerId", "Month", "ProductCode", "DeliveredRegion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesRecords_Month_DeliveredRegion",
                table: "SalesRecords",
                columns: new[] { "Month", "DeliveredRegion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlySales");

            migrationBuilder.DropTable(
                name: "SalesPlans");

            migrationBuilder.DropTable(
                name: "SalesRecords");
        }
    }
}
