using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Crm.Contracts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreditCurrency",
                table: "CustomerSnapshots",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "CNY");

            migrationBuilder.AddColumn<decimal>(
                name: "CreditLimit",
                table: "CustomerSnapshots",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Chain",
                table: "Contracts",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Credit",
                table: "Contracts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerName",
                table: "Contracts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Decisions",
                table: "Contracts",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Document",
                table: "Contracts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentHash",
                table: "Contracts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "Contracts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "Contracts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemplateCode",
                table: "Contracts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "TemplateVersion",
                table: "Contracts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                table: "Contracts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms",
                table: "Contracts",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "WaitingFor",
                table: "Contracts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApprovalRuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "text", nullable: false),
                    OverCredit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreditRole = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProductLine = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Brand = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Specification = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ListPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    FloorPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Clauses = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Templates", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Products",
                columns: new[] { "Code", "Brand", "FloorPrice", "ListPrice", "Name", "ProductLine", "Specification", "Unit" },
                values: new object[,]
                {
                    { "KC-010", "家和 Jiahe", 1600.00m, 1980.00m, "整体橱柜 Kitchen cabinet", "CABINET", "per running metre", "m" },
                    { "SW-101", "华瓷 Huaci", 2650.00m, 3280.00m, "智能马桶 Smart toilet", "SANITARY", "SW-101, 400 mm rough-in", "set" },
                    { "SW-205", "华瓷 Huaci", 1750.00m, 2180.00m, "浴室柜 Bathroom cabinet", "SANITARY", "800 mm, oak", "set" },
                    { "TL-600", "华瓷 Huaci", 55.00m, 68.00m, "抛光砖 Polished tile 600", "TILE", "600×600×10 mm", "m²" },
                    { "TL-800", "华瓷 Huaci", 78.00m, 96.00m, "抛光砖 Polished tile 800", "TILE", "800×800×11 mm", "m²" },
                    { "WT-300", "华瓷 Huaci", 36.00m, 45.00m, "内墙砖 Wall tile 300", "TILE", "300×600×9 mm", "m²" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Status_WaitingFor",
                table: "Contracts",
                columns: new[] { "Status", "WaitingFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Templates_Code_Version",
                table: "Templates",
                columns: new[] { "Code", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalRuleSets");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Templates");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Status_WaitingFor",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CreditCurrency",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "CreditLimit",
                table: "CustomerSnapshots");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Credit",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CustomerName",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Decisions",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Document",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DocumentHash",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TemplateCode",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TemplateVersion",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Terms",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "WaitingFor",
                table: "Contracts");
        }
    }
}
