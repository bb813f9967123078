using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.SqlServer
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
