using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests;

/// <summary>The relationship card: full profile, key persons, deregistration, verification, credit, and their audit.</summary>
public sealed class CardTests : CustomersHostTests
{
    private static object FullCard(string code) => new
    {
        code, name = "华东建材经销有限公司", kind = "Dealer", region = "EAST", territory = "浦东", address = "上海市浦东新区张江路 88 号",
        latitude = 31.2035, longitude = 121.5914, phone = "+86 21 5080 1234", ownerId = "rep.east", tier = "Key",
    };

    private Task<CustomerResponse> RegisterFull(string code = "CARD-001") =>
        Host.Client(TestUser.ManagerEast).PostAsJsonAsync("/api/customers", FullCard(code)).Read<CustomerResponse>(HttpStatusCode.Created);

    private Task<PagedResult<AuditEntryResponse>> AuditOf(Guid customerId, string? action = null) =>
        Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/audit?subjectId={customerId}{(action is null ? "" : $"&action={action}")}")
            .Read<PagedResult<AuditEntryResponse>>();

    [Fact]
    public async Task a_card_keeps_territory_coordinates_phone_and_tier_and_reading_it_is_audited()
    {
        var registered = await RegisterFull();

        var card = await Get(TestUser.RepEast, registered.Id);

        Assert.Equal(("浦东", 31.2035, 121.5914, "+86 21 5080 1234", CustomerTier.Key, CustomerStatus.Active),
            (card.Territory, card.Latitude!.Value, card.Longitude!.Value, card.Phone, card.Tier, card.Status));
        var read = Assert.Single((await AuditOf(registered.Id, AuditActions.ReadContactDetails)).Items);
        Assert.Equal("rep.east", read.UserId);
    }

    [Fact]
    public async Task lists_leave_contact_details_out_and_are_not_logged_as_contact_reads()
    {
        var registered = await RegisterFull();

        var list = await Host.Client(TestUser.RepEast).GetAsync("/api/customers").Read<PagedResult<CustomerResponse>>();

        Assert.Null(Assert.Single(list.Items).Phone);
        Assert.Empty((await AuditOf(registered.Id, AuditActions.ReadContactDetails)).Items);
    }

    [Fact]
    public async Task every_change_is_audited_with_each_fields_old_and_new_value()
    {
        var c = await RegisterFull();

        await Host.Client(TestUser.RepEast).PutAsJsonAsync($"/api/customers/{c.Id}", new
        {
            name = c.Name, kind = "Dealer", region = "EAST", territory = "张江", address = c.Address, latitude = c.Latitude, longitude = c.Longitude,
            phone = "+86 21 5080 9999", ownerId = "rep.east", tier = "Key",
        }).Read<CustomerResponse>();

        var entry = Assert.Single((await AuditOf(c.Id, AuditActions.ProfileChanged)).Items);
        Assert.Equal("rep.east", entry.UserId);
        var changes = JsonDocument.Parse(entry.Details).RootElement.GetProperty("changes").EnumerateArray()
            .Select(x => (x.GetProperty("field").GetString(), x.GetProperty("from").GetString(), x.GetProperty("to").GetString())).ToList();
        Assert.Equal([("territory", "浦东", "张江"), ("phone", "+86 21 5080 1234", "+86 21 5080 9999")], changes);
        Assert.Single((await AuditOf(c.Id, AuditActions.Registered)).Items);
    }

    [Fact]
    public async Task the_audit_log_filters_by_user_and_pages_newest_first()
    {
        var c = await RegisterFull();
        await Get(TestUser.RepEast, c.Id);
        await Get(TestUser.Supervisor, c.Id);
        await Get(TestUser.RepEast, c.Id);

        var page = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/audit?subjectId={c.Id}&userId=rep.east&pageSize=1").Read<PagedResult<AuditEntryResponse>>();

        Assert.Equal(2, page.TotalCount);
        var newest = Assert.Single(page.Items);
        var all = await AuditOf(c.Id);
        Assert.Equal(all.Items.Where(a => a.UserId == "rep.east").Max(a => a.Id), newest.Id);
    }

    [Fact]
    public async Task key_persons_are_kept_with_role_and_decision_power_and_reading_them_is_audited()
    {
        var c = await RegisterFull();
        var client = Host.Client(TestUser.RepEast);

        var added = await client.PostAsJsonAsync($"/api/customers/{c.Id}/key-persons", new
        {
            name = "王总", workUnit = "华东建材经销有限公司", position = "总经理", role = "DecisionMaker", phone = "13800138000", email = "wang@example.cn", notes = "Prefers morning visits",
        }).Read<KeyPersonResponse>(HttpStatusCode.Created);
        await client.PostAsJsonAsync($"/api/customers/{c.Id}/key-persons", new { name = "李工", position = "采购主管", role = "Influencer", hasDecisionPower = false })
            .Read<KeyPersonResponse>(HttpStatusCode.Created);

        var persons = await client.GetAsync($"/api/customers/{c.Id}/key-persons").Read<List<KeyPersonResponse>>();
        Assert.Equal(2, persons.Count);
        Assert.True(persons.Single(p => p.Id == added.Id).HasDecisionPower);
        Assert.Equal(DecisionRole.DecisionMaker, added.Role);
        Assert.False(persons.Single(p => p.Name == "李工").HasDecisionPower);
        Assert.Single((await AuditOf(c.Id, AuditActions.ReadContactDetails)).Items);
        Assert.Equal(2, (await AuditOf(c.Id, AuditActions.KeyPersonAdded)).TotalCount);
        Assert.Equal(2, (await Get(TestUser.RepEast, c.Id)).KeyPersons!.Count);
    }

    [Fact]
    public async Task a_key_person_with_an_invalid_role_or_email_is_refused()
    {
        var c = await RegisterFull();

        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{c.Id}/key-persons", new { name = "王总", role = "Boss", email = "not-an-email" })
            .ReadValidationProblem("role");
        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{c.Id}/key-persons", new { name = "王总", role = "User", email = "not-an-email" })
            .ReadValidationProblem("email");
    }

    [Fact]
    public async Task a_deregistered_customer_keeps_its_card_with_reason_and_date_leaves_the_pipeline_and_publishes_an_event()
    {
        var c = await RegisterFull();

        var deregistered = await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{c.Id}/deregister", new { reason = "Closed the shop" })
            .Read<CustomerResponse>();

        Assert.Equal((CustomerStatus.Deregistered, "Closed the shop"), (deregistered.Status, deregistered.DeregistrationReason));
        Assert.NotNull(deregistered.DeregisteredAt);
        Assert.Equal(1, await CustomerRows());
        var published = await Host.Published<CustomerDeregistered>(e => e.CustomerId == c.Id);
        Assert.Equal((CustomerStatus.Deregistered, deregistered.Version, "manager.east"), (published.Status, published.Version, published.DeregisteredBy));
        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{c.Id}/grade", new { grade = "C", reason = "Too late" })
            .ReadProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, (await Host.Client(TestUser.ManagerEast).GetAsync("/api/customers/funnel").Read<FunnelResponse>()).Rows.Single().Total);
        var filtered = await Host.Client(TestUser.ManagerEast).GetAsync("/api/customers?status=Deregistered").Read<PagedResult<CustomerResponse>>();
        Assert.Equal([c.Id], filtered.Items.Select(x => x.Id));
    }

    [Fact]
    public async Task deregistering_needs_a_reason_and_happens_once()
    {
        var c = await RegisterFull();

        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{c.Id}/deregister", new { reason = " " }).ReadValidationProblem("reason");
        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{c.Id}/deregister", new { reason = "Duplicate of CARD-002" }).Read<CustomerResponse>();
        var again = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{c.Id}/deregister", new { reason = "Again" }).ReadProblem(HttpStatusCode.Conflict);
        Assert.Equal(ProblemTypes.BusinessRule, again.Type);

        Assert.Equal("Duplicate of CARD-002", (await Get(TestUser.RepEast, c.Id)).DeregistrationReason);
    }

    [Fact]
    public async Task the_unverified_report_lists_cards_not_verified_for_the_given_days_by_rep()
    {
        var stale = await RegisterFull("CARD-OLD");
        var fresh = await RegisterFull("CARD-NEW");
        var old = DateTimeOffset.UtcNow.AddDays(-120);
        await Host.Scoped<CustomersDbContext, int>(async db =>
        {
            // A card registered four months ago and never verified since.
            var customer = await db.Customers.SingleAsync(c => c.Id == stale.Id);
            db.Entry(customer).Property(c => c.RegisteredAt).CurrentValue = old;
            return await db.SaveChangesAsync();
        });

        var report = await Host.Client(TestUser.ManagerEast).GetAsync("/api/customers/reports/unverified").Read<UnverifiedReportResponse>();

        Assert.Equal(90, report.Days);
        var owner = Assert.Single(report.Owners);
        Assert.Equal(("rep.east", 1), (owner.OwnerId, owner.Count));
        Assert.Equal(stale.Id, Assert.Single(owner.Cards).Id);

        await Host.Client(TestUser.RepEast).PostAsync($"/api/customers/{stale.Id}/verify", null).Read<CustomerResponse>();
        Assert.Equal(0, (await Host.Client(TestUser.ManagerEast).GetAsync("/api/customers/reports/unverified").Read<UnverifiedReportResponse>()).Total);
        Assert.NotNull((await Get(TestUser.RepEast, stale.Id)).LastVerifiedAt);
        Assert.Null((await Get(TestUser.RepEast, fresh.Id)).LastVerifiedAt);
    }

    [Fact]
    public async Task a_credit_limit_change_keeps_its_history_and_publishes_customer_credit_changed()
    {
        var c = await RegisterFull();

        await Host.Client(TestUser.ManagerEast).PutAsJsonAsync($"/api/customers/{c.Id}/credit-limit", new { amount = 300000m, reason = "Opening limit" }).Read<CustomerResponse>();
        var raised = await Host.Client(TestUser.Supervisor).PutAsJsonAsync($"/api/customers/{c.Id}/credit-limit", new { amount = 450000.50m, reason = "Paid on time for a year" })
            .Read<CustomerResponse>();

        Assert.Equal(450000.50m, raised.CreditLimit);
        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{c.Id}/credit-history").Read<List<CreditLimitChangeResponse>>();
        Assert.Equal([(0m, 300000m, "manager.east"), (300000m, 450000.50m, "supervisor")], history.Select(h => (h.From, h.To, h.ChangedBy)));
        var published = await Host.Published<CustomerCreditChanged>(e => e.CustomerId == c.Id && e.CreditLimit == 450000.50m);
        Assert.Equal((300000m, raised.Version, "Paid on time for a year"), (published.PreviousCreditLimit, published.Version, published.Reason));
    }

    [Theory]
    [InlineData("""{"amount":-1,"reason":"Negative"}""", "amount")]
    [InlineData("""{"amount":10.123,"reason":"Three decimals"}""", "amount")]
    [InlineData("""{"amount":1000}""", "reason")]
    public async Task an_invalid_credit_limit_is_a_bad_request(string json, string field)
    {
        var c = await RegisterFull();

        var response = await Host.Client(TestUser.ManagerEast).PutAsync($"/api/customers/{c.Id}/credit-limit",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ReadValidationProblem(field);
    }

    [Fact]
    public async Task customer_events_carry_the_version_so_consumers_can_ignore_stale_ones()
    {
        var c = await RegisterFull();
        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{c.Id}/grade", new { grade = "D", reason = "First contact" }).Read<CustomerResponse>();
        await Host.Client(TestUser.ManagerEast).PutAsJsonAsync($"/api/customers/{c.Id}/credit-limit", new { amount = 1000m, reason = "Trial" }).Read<CustomerResponse>();

        var registered = await Host.Published<CustomerRegistered>(e => e.CustomerId == c.Id);
        var graded = await Host.Published<CustomerGradeChanged>(e => e.CustomerId == c.Id);
        var credit = await Host.Published<CustomerCreditChanged>(e => e.CustomerId == c.Id);

        Assert.True(registered.Version < graded.Version && graded.Version < credit.Version);
        Assert.Equal(("浦东", CustomerStatus.Active, CustomerGrade.D), (credit.Territory, credit.Status, credit.Grade));
    }
}
