using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "CustomerId",
                table: "AuditLog",
                newName: "SubjectId");

            migrationBuilder.RenameIndex(
                name: "IX_AuditLog_CustomerId_At",
                table: "AuditLog",
                newName: "IX_AuditLog_SubjectId_At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "AuditLog",
                newName: "CustomerId");

            migrationBuilder.RenameIndex(
                name: "IX_AuditLog_SubjectId_At",
                table: "AuditLog",
                newName: "IX_AuditLog_CustomerId_At");
        }
    }
}
