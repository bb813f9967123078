using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Complaints.Data.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_VisitId",
                table: "Complaints",
                column: "VisitId",
                unique: true,
                filter: "[VisitId] IS NOT NULL");
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
