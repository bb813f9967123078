using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Complaints.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintFromVisit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "VisitId",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_VisitId",
                table: "Complaints",
                column: "VisitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_VisitId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "Complaints");
        }
    }
}
