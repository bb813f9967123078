using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Hospitality.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1,
                nullable: false,
                defaultValue: "E");

            migrationBuilder.AddColumn<long>(
                name: "End",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Gate",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitCode",
                table: "Applications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermitNumber",
                table: "Applications",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reception",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedReason",
                table: "Applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Start",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ReceptionStandardSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Standards = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionStandardSets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_PermitCode",
                table: "Applications",
                column: "PermitCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_PermitNumber",
                table: "Applications",
                column: "PermitNumber",
                unique: true);

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
