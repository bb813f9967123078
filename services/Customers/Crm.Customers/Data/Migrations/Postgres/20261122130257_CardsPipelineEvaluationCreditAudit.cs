using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Crm.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    /// <remarks>Existing cards become active customers with no credit limit, in CNY (the defaults below are edited for that).</remarks>
    public partial class CardsPipelineEvaluationCreditAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreditCurrency",
                table: "Customers",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "CNY");

            migrationBuilder.AddColumn<decimal>(
                name: "CreditLimit",
                table: "Customers",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeregisteredAt",
                table: "Customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeregistrationReason",
                table: "Customers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastVerifiedAt",
                table: "Customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Customers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Customers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Customers",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<string>(
                name: "Territory",
                table: "Customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditLimitChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    To = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditLimitChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Transactions = table.Column<int>(type: "integer", nullable: false),
                    Profitability = table.Column<int>(type: "integer", nullable: false),
                    Safety = table.Column<int>(type: "integer", nullable: false),
                    Growth = table.Column<int>(type: "integer", nullable: false),
                    Cooperation = table.Column<int>(type: "integer", nullable: false),
                    TransactionsWeight = table.Column<int>(type: "integer", nullable: false),
                    ProfitabilityWeight = table.Column<int>(type: "integer", nullable: false),
                    SafetyWeight = table.Column<int>(type: "integer", nullable: false),
                    GrowthWeight = table.Column<int>(type: "integer", nullable: false),
                    CooperationWeight = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Flexibility = table.Column<int>(type: "integer", nullable: false),
                    DownstreamCustomers = table.Column<int>(type: "integer", nullable: false),
                    Capital = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    BestSellingBrands = table.Column<int>(type: "integer", nullable: false),
                    Warehouses = table.Column<int>(type: "integer", nullable: false),
                    Vehicles = table.Column<int>(type: "integer", nullable: false),
                    Staff = table.Column<int>(type: "integer", nullable: false),
                    CreditRating = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ComplaintsFiled = table.Column<int>(type: "integer", nullable: false),
                    ComplaintsEscalated = table.Column<int>(type: "integer", nullable: false),
                    ComplaintsResolvedLate = table.Column<int>(type: "integer", nullable: false),
                    ComplaintsOpen = table.Column<int>(type: "integer", nullable: false),
                    AverageSatisfaction = table.Column<double>(type: "double precision", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EvaluatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    TransactionsWeight = table.Column<int>(type: "integer", nullable: false),
                    ProfitabilityWeight = table.Column<int>(type: "integer", nullable: false),
                    SafetyWeight = table.Column<int>(type: "integer", nullable: false),
                    GrowthWeight = table.Column<int>(type: "integer", nullable: false),
                    CooperationWeight = table.Column<int>(type: "integer", nullable: false),
                    RewardAtLeast = table.Column<int>(type: "integer", nullable: false),
                    EliminateBelow = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GradeProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedGrade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyPersons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WorkUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HasDecisionPower = table.Column<bool>(type: "boolean", nullable: false),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyPersons_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WithinSla = table.Column<bool>(type: "boolean", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecords", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "EvaluationSettings",
                columns: new[] { "Id", "CooperationWeight", "EliminateBelow", "GrowthWeight", "ProfitabilityWeight", "RewardAtLeast", "SafetyWeight", "TransactionsWeight", "UpdatedAt", "UpdatedBy", "Version" },
                values: new object[] { 1, 15, 60, 15, 25, 80, 20, 25, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", 1L });

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_ChangedAt_CustomerId_Id_To",
                table: "GradeChanges",
                columns: new[] { "ChangedAt", "CustomerId", "Id", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name",
                table: "Customers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone",
                table: "Customers",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CustomerId_At",
                table: "AuditLog",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_UserId_At",
                table: "AuditLog",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLimitChanges_CustomerId",
                table: "CreditLimitChanges",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_CustomerId_EvaluatedAt",
                table: "Evaluations",
                columns: new[] { "CustomerId", "EvaluatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GradeProposals_CustomerId_Status",
                table: "GradeProposals",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyPersons_CustomerId",
                table: "KeyPersons",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyPersons_Name",
                table: "KeyPersons",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_CustomerId_OccurredAt",
                table: "ServiceRecords",
                columns: new[] { "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_EventId",
                table: "ServiceRecords",
                column: "EventId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "CreditLimitChanges");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "EvaluationSettings");

            migrationBuilder.DropTable(
                name: "GradeProposals");

            migrationBuilder.DropTable(
                name: "KeyPersons");

            migrationBuilder.DropTable(
                name: "ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_GradeChanges_ChangedAt_CustomerId_Id_To",
                table: "GradeChanges");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Name",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Phone",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CreditCurrency",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CreditLimit",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "DeregisteredAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "DeregistrationReason",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LastVerifiedAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Territory",
                table: "Customers");
        }
    }
}
