using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Complaints.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplaintRoutingSlaEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Calendars",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TimeZoneId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsDefault = table.Column<bool>(type: "bit", nullable: false),
                    Regions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WorkingDays = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WorkingPeriods = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Exceptions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calendars", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CustomerTier = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CustomerGrade = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ProductLine = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ContactPerson = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Department = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Queue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    AssigneeId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RuleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RuleSetVersion = table.Column<int>(type: "int", nullable: true),
                    CalendarCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    FirstResponseTarget = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionTarget = table.Column<long>(type: "bigint", nullable: false),
                    AtRiskShare = table.Column<double>(type: "float", nullable: false),
                    OverdueShare = table.Column<double>(type: "float", nullable: false),
                    FirstRespondedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstResponseAtRiskAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FirstResponseDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolutionAtRiskAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolutionDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolutionOverdueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BusinessTimeUsed = table.Column<long>(type: "bigint", nullable: false),
                    ClockRunningSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EscalationSteps = table.Column<int>(type: "int", nullable: false),
                    EscalationLevel = table.Column<int>(type: "int", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResolvedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RootCause = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Fix = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ResolvedWithinSla = table.Column<bool>(type: "bit", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Satisfaction = table.Column<int>(type: "int", nullable: true),
                    ReturnVisitNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReturnVisitAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReturnVisitBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ReopenCount = table.Column<int>(type: "int", nullable: false),
                    SweepToken = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SweepLockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeadUserId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Step = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EscalatedTo = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRuleSets",
                columns: table => new
                {
                    Version = table.Column<int>(type: "int", nullable: false),
                    DefaultDepartment = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DefaultQueue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Rules = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRuleSets", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Severity = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FirstResponse = table.Column<long>(type: "bigint", nullable: false),
                    Resolution = table.Column<long>(type: "bigint", nullable: false),
                    AtRiskShare = table.Column<double>(type: "float", nullable: false),
                    OverdueShare = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => new { x.Severity, x.Tier });
                });

            migrationBuilder.CreateTable(
                name: "ComplaintActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ComplaintVersion = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FromStatus = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ToStatus = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintActions_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintActions_ComplaintId_ComplaintVersion",
                table: "ComplaintActions",
                columns: new[] { "ComplaintId", "ComplaintVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerId_FiledAt",
                table: "Complaints",
                columns: new[] { "CustomerId", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Department_Status",
                table: "Complaints",
                columns: new[] { "Department", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_NextEscalationAt",
                table: "Complaints",
                column: "NextEscalationAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Region_OwnerId",
                table: "Complaints",
                columns: new[] { "Region", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ComplaintId_Step",
                table: "Escalations",
                columns: new[] { "ComplaintId", "Step" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Calendars");

            migrationBuilder.DropTable(
                name: "ComplaintActions");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "RoutingRuleSets");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
