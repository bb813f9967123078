using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeregistrationProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeregistrationProposed",
                table: "Visits",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeregistrationProposed",
                table: "Visits");
        }
    }
}
