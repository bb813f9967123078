using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.SqlServer
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
                type: "bit",
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
