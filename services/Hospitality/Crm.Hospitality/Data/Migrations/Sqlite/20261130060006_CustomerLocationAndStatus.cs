using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Hospitality.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerLocationAndStatus : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
