using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.Postgres
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
                type: "boolean",
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
