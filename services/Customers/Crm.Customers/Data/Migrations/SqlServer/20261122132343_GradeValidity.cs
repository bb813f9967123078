using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Customers.Data.Migrations.SqlServer
{
    /// <summary>
    /// Adds when each grade stopped holding (the next change, or the deregistration) and fills it in for the history
    /// already stored, so that the grade at a date is a range filter. Plain SQL that all three providers run.
    /// </summary>
    public partial class GradeValidity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GradeChanges_ChangedAt_CustomerId_Id_To",
                table: "GradeChanges");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ValidUntil",
                table: "GradeChanges",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_To_ChangedAt",
                table: "GradeChanges",
                columns: new[] { "To", "ChangedAt" });

            migrationBuilder.Sql("""
                UPDATE "GradeChanges" SET "ValidUntil" = (
                    SELECT MIN(n."ChangedAt") FROM "GradeChanges" AS n
                    WHERE n."CustomerId" = "GradeChanges"."CustomerId" AND n."Id" > "GradeChanges"."Id")
                """);
            migrationBuilder.Sql("""
                UPDATE "GradeChanges" SET "ValidUntil" = (
                    SELECT c."DeregisteredAt" FROM "Customers" AS c WHERE c."Id" = "GradeChanges"."CustomerId")
                WHERE "ValidUntil" IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GradeChanges_To_ChangedAt",
                table: "GradeChanges");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "GradeChanges");

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_ChangedAt_CustomerId_Id_To",
                table: "GradeChanges",
                columns: new[] { "ChangedAt", "CustomerId", "Id", "To" });
        }
    }
}
