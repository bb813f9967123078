using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ProductCode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    DeliveredRegion = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Contracts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OtherDealerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DetectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Resolution = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
