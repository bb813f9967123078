using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Datum",
                table: "CustomerSnapshots",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Wgs84");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "CustomerSnapshots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "CustomerSnapshots",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "CustomerSnapshots",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.CreateTable(
                name: "FrequencyPolicies",
                columns: table => new
                {
                    Region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Key_A = table.Column<int>(type: "INTEGER", nullable: false),
                    Key_B = table.Column<int>(type: "INTEGER", nullable: false),
                    Key_C = table.Column<int>(type: "INTEGER", nullable: false),
                    Key_D = table.Column<int>(type: "INTEGER", nullable: false),
                    Key_E = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinary_A = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinary_B = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinary_C = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinary_D = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinary_E = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrequencyPolicies", x => x.Region);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CheckIn = table.Column<string>(type: "TEXT", nullable: true),
                    CheckOut = table.Column<string>(type: "TEXT", nullable: true),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckInFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true),
                    ReportStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastSubmittedGrade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Reviews = table.Column<string>(type: "TEXT", nullable: false)
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
