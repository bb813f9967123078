using Crm.BuildingBlocks.Http;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Customers.Data;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class HostileInputTests : CustomersHostTests
{
    [Fact]
    public async Task every_write_endpoint_answers_hostile_bodies_with_400_and_stores_nothing()
    {
        var customer = await Register(TestUser.Supervisor, ownerId: "rep.east");
        var leaving = await Register(TestUser.Supervisor, ownerId: "rep.east");
        var client = Host.Client(TestUser.Supervisor);
        var person = await client.PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", new { name = "王总", role = "DecisionMaker" })
            .Read<KeyPersonResponse>(HttpStatusCode.Created);
        await Host.Deliver(new CustomerGradeProposed
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 1, CustomerId = customer.Id, ProposedGrade = CustomerGrade.B, Source = "visit",
            SourceId = Guid.NewGuid().ToString(), Reason = "Intends to buy", ProposedBy = "rep.east",
        }, Guid.NewGuid());
        var proposal = (await client.GetAsync($"/api/customers/{customer.Id}/grade-proposals").Read<List<GradeProposalResponse>>()).Single();
        await Host.Deliver(new CustomerDeregistrationProposed
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 1, CustomerId = customer.Id, Source = "visit", SourceId = Guid.NewGuid().ToString(),
            Reason = "Closed", ProposedBy = "rep.east",
        }, Guid.NewGuid());
        var deregistration = (await client.GetAsync("/api/customers/deregistration-proposals").Read<PagedResult<DeregistrationProposalResponse>>()).Items.Single();
        var profile = new
        {
            name = "华东建材经销有限公司", kind = "Dealer", region = "EAST", territory = "浦东", address = "上海市浦东新区张江路 88 号",
            latitude = 31.2, longitude = 121.5, phone = "+86 21 5080 1234", ownerId = "rep.east", tier = "Key",
        };
        var id = customer.Id;

        await HostileInput.RefusedAndNothingStored(client, "customers",
            new Dictionary<string, (string, object)>
            {
                ["RegisterCustomer"] = ("/api/customers", profile),
                ["ResyncCustomerReadModels"] = ("/api/customers/resync", new { customerIds = new[] { id }, region = "EAST" }),
                ["UpdateCustomer"] = ($"/api/customers/{id}", profile),
                ["ReassignCustomerOwner"] = ($"/api/customers/{id}/owner", new { ownerId = "rep.east2", reason = "Moved" }),
                ["DeregisterCustomer"] = ($"/api/customers/{leaving.Id}/deregister", new { reason = "Closed the shop" }),
                ["ChangeCustomerGrade"] = ($"/api/customers/{id}/grade", new { grade = "C", reason = "Ordered samples" }),
                ["ConfirmGradeProposal"] = ($"/api/customers/{id}/grade-proposals/{proposal.Id}/confirm", new { note = "Agreed" }),
                ["RejectGradeProposal"] = ($"/api/customers/{id}/grade-proposals/{proposal.Id}/reject", new { note = "Not yet" }),
                ["ConfirmDeregistrationProposal"] = ($"/api/customers/{id}/deregistration-proposals/{deregistration.Id}/confirm", new { note = "Checked" }),
                ["RejectDeregistrationProposal"] = ($"/api/customers/{id}/deregistration-proposals/{deregistration.Id}/reject", new { note = "Reopened" }),
                ["AddKeyPerson"] = ($"/api/customers/{id}/key-persons", new
                {
                    name = "李工", workUnit = "华东建材", position = "采购主管", role = "Influencer", hasDecisionPower = false,
                    phone = "13800138000", email = "li@example.cn", notes = "Mornings",
                }),
                ["UpdateKeyPerson"] = ($"/api/customers/{id}/key-persons/{person.Id}", new
                {
                    name = "王总", workUnit = "华东建材", position = "总经理", role = "DecisionMaker", hasDecisionPower = true,
                    phone = "13800138001", email = "wang@example.cn", notes = "Prefers calls",
                }),
                ["SetCustomerCreditLimit"] = ($"/api/customers/{id}/credit-limit", new { amount = 500_000.00m, reason = "Annual review" }),
                ["EvaluateCustomer"] = ($"/api/customers/{id}/evaluations", new
                {
                    transactions = 80, profitability = 70, safety = 90, growth = 60, cooperation = 85, flexibility = 4, downstreamCustomers = 120,
                    capital = 5_000_000m, bestSellingBrands = 3, warehouses = 2, vehicles = 5, staff = 30, creditRating = "A", notes = "Solid",
                }),
                ["SetEvaluationWeights"] = ("/api/customers/evaluation-weights", new
                {
                    transactions = 30, profitability = 20, safety = 20, growth = 15, cooperation = 15, rewardAtLeast = 80, eliminateBelow = 50,
                }),
            },
            () => Host.Scoped<CustomersDbContext, string>(HostileInput.Fingerprint));
    }

    [Theory]
    [InlineData("/api/customers?q=", "q")]
    [InlineData("/api/customers/export?region=", "region")]
    [InlineData("/api/customers/audit?userId=", "userId")]
    [InlineData("/api/customers/funnel?ownerId=", "ownerId")]
    [InlineData("/api/customers/funnel/conversions?region=", "region")]
    public async Task an_overlong_query_filter_is_refused(string url, string field)
    {
        await Host.Client(TestUser.Supervisor).GetAsync(url + new string('x', 1000)).ReadValidationProblem(field);
    }

    [Theory]
    [InlineData("salesTarget=79000000000000000000000000000&averageOrderSize=1", "salesTarget")]
    [InlineData("salesTarget=1000000&averageOrderSize=0.0000000000000000000000000001", "averageOrderSize")]
    [InlineData("salesTarget=1000000&averageOrderSize=200000&rateEtoD=2", "rateEtoD")]
    public async Task a_plan_with_an_amount_out_of_range_is_refused_not_an_overflow(string query, string field)
    {
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/plan?{query}").ReadValidationProblem(field);
    }

    [Theory]
    [InlineData("NaN", "121.5")]
    [InlineData("Infinity", "121.5")]
    [InlineData("31.2", "-Infinity")]
    [InlineData("1e400", "121.5")]
    public async Task a_csv_row_with_a_coordinate_that_is_not_a_finite_number_is_rejected(string latitude, string longitude)
    {
        var csv = $"code,name,kind,region,ownerId,latitude,longitude\nNAN-1,华东建材,Dealer,EAST,rep.east,{latitude},{longitude}";

        var report = await Host.Client(TestUser.Supervisor).PostAsync("/api/customers/import", new StringContent(csv, Encoding.UTF8, "text/csv")).Read<ImportReport>();

        Assert.Equal(ImportOutcome.Rejected, Assert.Single(report.Results).Outcome);
        Assert.Equal(0, await CustomerRows());
    }
}
