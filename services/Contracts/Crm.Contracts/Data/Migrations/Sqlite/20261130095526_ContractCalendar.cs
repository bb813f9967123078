using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AmendsContractId",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LapseReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemindersSent",
                table: "Contracts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "RenewsContractId",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SucceededBy",
                table: "Contracts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AmendsContractId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "LapseReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RemindersSent",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RenewsContractId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "SucceededBy",
                table: "Contracts");
        }
    }
}
