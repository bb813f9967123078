using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CompanyVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompanyVisitRecords",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Impressions = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ProposedGrade = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyVisitRecords", x => x.ApplicationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyVisitRecords_CustomerId_VisitStart",
                table: "CompanyVisitRecords",
                columns: new[] { "CustomerId", "VisitStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyVisitRecords");
        }
    }
}
