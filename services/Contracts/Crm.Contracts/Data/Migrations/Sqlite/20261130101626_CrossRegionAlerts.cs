using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CrossRegionAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrossRegionAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DeliveredRegion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Contracts = table.Column<string>(type: "TEXT", nullable: false),
                    OtherDealerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrossRegionAlerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrossRegionAlerts_CustomerId_Month_ProductCode_DeliveredRegion_Kind",
                table: "CrossRegionAlerts",
                columns: new[] { "CustomerId", "Month", "ProductCode", "DeliveredRegion", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrossRegionAlerts_Number",
                table: "CrossRegionAlerts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrossRegionAlerts_Region_DetectedAt",
                table: "CrossRegionAlerts",
                columns: new[] { "Region", "DetectedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrossRegionAlerts");
        }
    }
}
