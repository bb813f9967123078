using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests;

/// <summary>
/// Every change of a customer, whatever made it (an endpoint, a consumer, the import), stages its integration events in
/// the outbox and its audit lines in the same SaveChanges, because the aggregate raises them and the DbContext maps them.
/// </summary>
public sealed class StagedEventsTests : CustomersHostTests
{
    public static TheoryData<string, string[], string[]> Changes => new()
    {
        { "register", [nameof(CustomerRegistered)], [AuditActions.Registered] },
        { "update the profile", [nameof(CustomerUpdated)], [AuditActions.ProfileChanged] },
        { "update the profile and the owner", [nameof(CustomerUpdated)], [AuditActions.ProfileChanged] },
        { "reassign the owner", [nameof(CustomerUpdated)], [AuditActions.OwnerReassigned] },
        { "change the grade", [nameof(CustomerGradeChanged)], [AuditActions.GradeChanged] },
        { "deregister", [nameof(CustomerDeregistered)], [AuditActions.Deregistered] },
        { "verify", [], [AuditActions.Verified] },
        { "set the credit limit", [nameof(CustomerCreditChanged)], [AuditActions.CreditLimitChanged] },
        { "add a key person", [], [AuditActions.KeyPersonAdded] },
        { "update a key person", [], [AuditActions.KeyPersonChanged] },
        { "remove a key person", [], [AuditActions.KeyPersonRemoved] },
        { "confirm a grade proposal", [nameof(CustomerGradeChanged)], [AuditActions.GradeChanged, AuditActions.GradeProposalDecided] },
        { "reject a grade proposal", [], [AuditActions.GradeProposalDecided] },
        { "sign a contract", [nameof(CustomerGradeChanged)], [AuditActions.GradeChanged] },
        { "evaluate", [], [AuditActions.Evaluated] },
        { "change the evaluation weights", [], [AuditActions.EvaluationWeightsChanged] },
        { "import a new card", [nameof(CustomerRegistered)], [AuditActions.Registered, AuditActions.Imported] },
        { "import a changed card", [nameof(CustomerUpdated), nameof(CustomerGradeChanged)], [AuditActions.ProfileChanged, AuditActions.GradeChanged, AuditActions.Imported] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_change_stages_its_integration_events_and_audit_lines(string change, string[] events, string[] auditActions)
    {
        var customer = await Register(Host, TestUser.RepEast, grade: "C", code: $"TBL-{Guid.NewGuid():N}"[..20]);
        var act = await Prepare(change, customer);
        var outboxBefore = await Host.Scoped<CustomersDbContext, List<Guid>>(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        var auditBefore = await Host.Scoped<CustomersDbContext, long>(db => db.AuditLog.MaxAsync(a => (long?)a.Id).ContinueWith(t => t.Result ?? 0));

        await act();

        var staged = await Host.Scoped<CustomersDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => !outboxBefore.Contains(m.Id)).Select(m => m.MessageType).ToListAsync());
        var audited = await Host.Scoped<CustomersDbContext, List<string>>(db =>
            db.AuditLog.Where(a => a.Id > auditBefore).Select(a => a.Action).ToListAsync());
        Assert.Equal(events.Select(e => $"{typeof(CustomerEvent).Namespace}.{e}").Order(), staged.Order());
        Assert.Equal(auditActions.Order(), audited.Order());
    }

    /// <summary>Sets up what the change needs and returns the change itself.</summary>
    private async Task<Func<Task>> Prepare(string change, CustomerResponse customer)
    {
        var url = $"/api/customers/{customer.Id}";
        var rep = Host.Client(TestUser.RepEast);
        var keyPerson = new { name = "王经理 Manager Wang", role = "DecisionMaker", phone = "13800000000" };
        switch (change)
        {
            case "register":
                return () => rep.PostAsJsonAsync("/api/customers", RegisterBody()).Expect(HttpStatusCode.Created);
            case "update the profile":
                return () => rep.PutAsJsonAsync(url, Profile(customer, "rep.east")).Expect(HttpStatusCode.OK);
            case "update the profile and the owner":
                return () => Host.Client(TestUser.Supervisor).PutAsJsonAsync(url, Profile(customer, "rep.east2")).Expect(HttpStatusCode.OK);
            case "reassign the owner":
                return () => Host.Client(TestUser.Supervisor).PostAsJsonAsync($"{url}/owner", new { ownerId = "rep.east2", reason = "Territory split" }).Expect(HttpStatusCode.OK);
            case "change the grade":
                return () => rep.PostAsJsonAsync($"{url}/grade", new { grade = "B", reason = "The decision maker intends to buy" }).Expect(HttpStatusCode.OK);
            case "deregister":
                return () => rep.PostAsJsonAsync($"{url}/deregister", new { reason = "Went out of business" }).Expect(HttpStatusCode.OK);
            case "verify":
                return () => rep.PostAsync($"{url}/verify", null).Expect(HttpStatusCode.OK);
            case "set the credit limit":
                return () => Host.Client(TestUser.ManagerEast).PutAsJsonAsync($"{url}/credit-limit", new { amount = 150_000m, reason = "Opening limit" }).Expect(HttpStatusCode.OK);
            case "add a key person":
                return () => rep.PostAsJsonAsync($"{url}/key-persons", keyPerson).Expect(HttpStatusCode.Created);
            case "update a key person":
            {
                var person = await rep.PostAsJsonAsync($"{url}/key-persons", keyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
                return () => rep.PutAsJsonAsync($"{url}/key-persons/{person.Id}", keyPerson with { name = "王总 General Manager Wang" }).Expect(HttpStatusCode.OK);
            }

            case "remove a key person":
            {
                var person = await rep.PostAsJsonAsync($"{url}/key-persons", keyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
                return () => rep.DeleteAsync($"{url}/key-persons/{person.Id}").Expect(HttpStatusCode.NoContent);
            }

            case "confirm a grade proposal":
            {
                var proposal = await Proposal(customer.Id);
                return () => rep.PostAsJsonAsync($"{url}/grade-proposals/{proposal}/confirm", new { note = "Agreed" }).Expect(HttpStatusCode.OK);
            }

            case "reject a grade proposal":
            {
                var proposal = await Proposal(customer.Id);
                return () => rep.PostAsJsonAsync($"{url}/grade-proposals/{proposal}/reject", new { note = "Too early" }).Expect(HttpStatusCode.OK);
            }

            case "sign a contract":
                return () => Host.Deliver(new ContractSigned
                {
                    OccurredAt = DateTimeOffset.UtcNow, Version = 2, ContractId = Guid.NewGuid(), ContractNumber = "CT-2026-000001",
                    CustomerId = customer.Id, SignedBy = "manager.east", SignedAt = DateTimeOffset.UtcNow,
                }, Guid.NewGuid());
            case "evaluate":
                return () => Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"{url}/evaluations",
                    new { transactions = 70, profitability = 70, safety = 70, growth = 70, cooperation = 60, creditRating = "A" }).Expect(HttpStatusCode.Created);
            case "change the evaluation weights":
                return () => Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/customers/evaluation-weights",
                    new { transactions = 30, profitability = 20, safety = 20, growth = 15, cooperation = 15, rewardAtLeast = 85, eliminateBelow = 55 }).Expect(HttpStatusCode.OK);
            case "import a new card":
                return () => Import("TBL-NEW-1,新客户 New customer,Retailer,EAST,,杭州市西湖区文三路 45 号,,,,rep.east,Ordinary,E,");
            case "import a changed card":
                return () => Import($"{customer.Code},改名 Renamed,Dealer,EAST,,上海市浦东新区张江路 88 号,,,,rep.east,Key,B,");
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "No such change in the table.");
        }
    }

    private static object Profile(CustomerResponse customer, string ownerId) => new
    {
        name = customer.Name + " (renamed)", kind = "Dealer", region = "EAST", address = "上海市浦东新区张江路 88 号", ownerId, tier = "Key",
    };


    private Task Import(string row) =>
        Host.Client(TestUser.Supervisor).PostAsync("/api/customers/import", new StringContent(
            "code,name,kind,region,territory,address,latitude,longitude,phone,ownerId,tier,grade,lastVerifiedAt\n" + row, Encoding.UTF8, "text/csv"))
            .Expect(HttpStatusCode.OK);
}
