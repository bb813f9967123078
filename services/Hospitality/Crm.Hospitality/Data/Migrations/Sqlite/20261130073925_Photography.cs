using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Hospitality.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Photography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Photographs",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Photography",
                table: "Applications",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotRequested");

            migrationBuilder.AddColumn<string>(
                name: "PhotographyVotes",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Photographs",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Photography",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PhotographyVotes",
                table: "Applications");
        }
    }
}
