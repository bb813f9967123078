using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VisitPlansAndCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OwnerCardVersion",
                table: "Visits",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "VisitPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitsPerDay = table.Column<int>(type: "int", nullable: false),
                    MinutesPerVisit = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Steps = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingCalendars",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TimeZoneId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsDefault = table.Column<bool>(type: "bit", nullable: false),
                    Regions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WorkingDays = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WorkingPeriods = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Holidays = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    MakeUpWorkingDays = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingCalendars", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_PlanId",
                table: "Visits",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitPlans_Number",
                table: "VisitPlans",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitPlans_OwnerId_Region_From",
                table: "VisitPlans",
                columns: new[] { "OwnerId", "Region", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitPlans_Region_Status",
                table: "VisitPlans",
                columns: new[] { "Region", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitPlans");

            migrationBuilder.DropTable(
                name: "WorkingCalendars");

            migrationBuilder.DropIndex(
                name: "IX_Visits_PlanId",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "OwnerCardVersion",
                table: "Visits");
        }
    }
}
