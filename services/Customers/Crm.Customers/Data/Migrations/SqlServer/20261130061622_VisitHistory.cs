using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations.SqlServer
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
                    VisitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AdHoc = table.Column<bool>(type: "bit", nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CheckedOutAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CheckInFlagged = table.Column<bool>(type: "bit", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Satisfaction = table.Column<int>(type: "int", nullable: false),
                    ProposedGrade = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "date", nullable: true)
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
