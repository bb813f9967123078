using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitRecords",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AdHoc = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckInFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedGrade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRecords", x => x.VisitId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_CustomerId_CheckedOutAt",
                table: "VisitRecords",
                columns: new[] { "CustomerId", "CheckedOutAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitRecords");
        }
    }
}
