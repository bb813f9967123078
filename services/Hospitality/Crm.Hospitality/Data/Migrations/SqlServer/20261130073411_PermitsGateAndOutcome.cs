using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Hospitality.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PermitsGateAndOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerGrade",
                table: "Applications",
                type: "nvarchar(1)",
                maxLength: 1,
                nullable: false,
                defaultValue: "E");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "End",
                table: "Applications",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "Gate",
                table: "Applications",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Applications",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitCode",
                table: "Applications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitNumber",
                table: "Applications",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reception",
                table: "Applications",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "Applications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Start",
                table: "Applications",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "ReceptionStandardSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Standards = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionStandardSets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_PermitCode",
                table: "Applications",
                column: "PermitCode",
                unique: true,
                filter: "[PermitCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_PermitNumber",
                table: "Applications",
                column: "PermitNumber",
                unique: true,
                filter: "[PermitNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_Start",
                table: "Applications",
                columns: new[] { "Status", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceptionStandardSets");

            migrationBuilder.DropIndex(
                name: "IX_Applications_PermitCode",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_PermitNumber",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_Start",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "CustomerGrade",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "End",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Gate",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PermitCode",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PermitNumber",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Reception",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RevokedReason",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "Applications");
        }
    }
}
