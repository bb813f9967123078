using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Visits.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CustomerCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreditCurrency",
                table: "CustomerSnapshots",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "CNY");

            migrationBuilder.AddColumn<decimal>(
                name: "CreditLimit",
                table: "CustomerSnapshots",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditCurrency",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "CreditLimit",
                table: "CustomerSnapshots");
        }
    }
}
