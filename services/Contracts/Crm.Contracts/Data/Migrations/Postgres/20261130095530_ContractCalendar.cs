using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Contracts.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LapseReason",
                table: "Contracts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemindersSent",
                table: "Contracts",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "RenewsContractId",
                table: "Contracts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SucceededBy",
                table: "Contracts",
                type: "character varying(30)",
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
