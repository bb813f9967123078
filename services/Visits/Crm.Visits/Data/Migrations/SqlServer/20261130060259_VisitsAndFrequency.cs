using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VisitsAndFrequency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "CustomerSnapshots",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Datum",
                table: "CustomerSnapshots",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Wgs84");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "CustomerSnapshots",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "CustomerSnapshots",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "CustomerSnapshots",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.CreateTable(
                name: "FrequencyPolicies",
                columns: table => new
                {
                    Region = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Key_A = table.Column<int>(type: "int", nullable: false),
                    Key_B = table.Column<int>(type: "int", nullable: false),
                    Key_C = table.Column<int>(type: "int", nullable: false),
                    Key_D = table.Column<int>(type: "int", nullable: false),
                    Key_E = table.Column<int>(type: "int", nullable: false),
                    Ordinary_A = table.Column<int>(type: "int", nullable: false),
                    Ordinary_B = table.Column<int>(type: "int", nullable: false),
                    Ordinary_C = table.Column<int>(type: "int", nullable: false),
                    Ordinary_D = table.Column<int>(type: "int", nullable: false),
                    Ordinary_E = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrequencyPolicies", x => x.Region);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CheckIn = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CheckOut = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CheckedOutAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CheckInFlagged = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CancellationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Report = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ReportStatus = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LastSubmittedGrade = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Reviews = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CustomerId_CheckedOutAt",
                table: "Visits",
                columns: new[] { "CustomerId", "CheckedOutAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Number",
                table: "Visits",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Region_OwnerId_ScheduledFor",
                table: "Visits",
                columns: new[] { "Region", "OwnerId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Region_ReportStatus",
                table: "Visits",
                columns: new[] { "Region", "ReportStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FrequencyPolicies");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "Datum",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "CustomerSnapshots");
        }
    }
}
