using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Messaging;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contracts.Tests;

/// <summary>
/// The contract calendar by Beijing days, on a test clock that starts on Monday 1 June 2026, 09:00 in Shanghai: a
/// contract effective from 1 July to 31 December 2026 comes into force on 1 July, is reminded of its end 30, 15 and 7
/// days before (each once), and expires on 1 January 2027, unless it is renewed or let lapse.
/// </summary>
public sealed class ContractCalendarTests : ContractsHostTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly TestClock clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, Beijing));

    protected override Task<ServiceTestHost> Start() =>
        ServiceTestHost.StartAsync(b =>
        {
            b.AddContractsService();
            b.Services.AddSingleton<TimeProvider>(clock);
        }, a => a.MapContractsService(), new Dictionary<string, string?> { ["Contracts:CalendarSeconds"] = "86400" });

    private ContractCalendar Calendar => Host.Services.GetRequiredService<ContractCalendar>();

    private void At(int year, int month, int day, int hour = 0, int minute = 30) =>
        clock.Advance(new DateTimeOffset(year, month, day, hour, minute, 0, Beijing) - clock.GetUtcNow());

    private async Task<ContractResponse> SignedForSecondHalf(CustomerRegistered customer)
    {
        var terms = CompleteTerms(customer);
        var from = new DateOnly(2026, 7, 1);
        var until = new DateOnly(2026, 12, 31);
        var approved = await Approved(customer, terms with
        {
            Signing = terms.Signing! with { EffectiveFrom = from, EffectiveUntil = until },
            Authority = terms.Authority! with { From = from, Until = until },
        });
        return await Sign(TestUser.RepEast, approved.Id).Read<ContractResponse>();
    }

    /// <summary>The reminders staged for the contract, in the order they were staged (the outbox keeps every row).</summary>
    private async Task<List<ContractEndingReminder>> Reminders(Guid contractId)
    {
        var staged = await Host.Scoped<ContractsDbContext, List<OutboxMessage>>(db =>
            db.OutboxMessages.Where(m => m.MessageType == typeof(ContractEndingReminder).FullName).OrderBy(m => m.OccurredAt).ToListAsync());
        return staged.Select(m => (ContractEndingReminder)m.ToEvent()).Where(r => r.ContractId == contractId).ToList();
    }

    [Fact]
    public async Task a_signed_contract_comes_into_force_on_its_first_day_in_beijing_and_expires_after_its_last()
    {
        var customer = await KnownCustomer();
        var signed = await SignedForSecondHalf(customer);

        Assert.Equal(new CalendarResult(0, 0, 0), await Calendar.RunAsync(default));
        At(2026, 6, 30, 23, 59);
        Assert.Equal(new CalendarResult(0, 0, 0), await Calendar.RunAsync(default));
        At(2026, 7, 1, 0, 1);
        Assert.Equal(new CalendarResult(1, 0, 0), await Calendar.RunAsync(default));
        Assert.Equal(ContractStatus.Active, (await Get(TestUser.RepEast, signed.Id)).Status);
        Assert.Equal(new DateOnly(2026, 7, 1), (await Host.Published<ContractActivated>(e => e.ContractId == signed.Id)).EffectiveFrom);

        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/contracts/{signed.Id}/let-lapse", new { reason = "Dealer retires" }).Expect(HttpStatusCode.OK);
        At(2026, 12, 31, 23, 59);
        Assert.Equal(new CalendarResult(0, 0, 0), await Calendar.RunAsync(default));
        At(2027, 1, 1, 0, 1);
        Assert.Equal(new CalendarResult(0, 1, 0), await Calendar.RunAsync(default));
        Assert.Equal(ContractStatus.Expired, (await Get(TestUser.RepEast, signed.Id)).Status);
        Assert.Null((await Host.Published<ContractExpired>(e => e.ContractId == signed.Id)).RenewedBy);
    }

    [Fact]
    public async Task renewal_reminders_come_30_15_and_7_days_before_the_end_each_once_even_with_two_replicas_at_once()
    {
        var customer = await KnownCustomer();
        var signed = await SignedForSecondHalf(customer);
        At(2026, 7, 1);
        await Calendar.RunAsync(default);

        At(2026, 11, 30);
        Assert.Equal(0, (await Calendar.RunAsync(default)).Reminded);
        At(2026, 12, 1);
        var replicas = await Task.WhenAll(Calendar.RunAsync(default), ActivatorUtilities.CreateInstance<ContractCalendar>(Host.Services).RunAsync(default));
        Assert.Equal(1, replicas.Sum(r => r.Reminded));
        Assert.Equal(0, (await Calendar.RunAsync(default)).Reminded);
        At(2026, 12, 16);
        Assert.Equal(1, (await Calendar.RunAsync(default)).Reminded);
        At(2026, 12, 28);
        Assert.Equal(1, (await Calendar.RunAsync(default)).Reminded);
        Assert.Equal(0, (await Calendar.RunAsync(default)).Reminded);

        var reminders = await Reminders(signed.Id);
        Assert.Equal([30, 15, 3], reminders.Select(r => r.DaysLeft));
        Assert.All(reminders, r => Assert.Equal(("rep.east", "EAST"), (r.OwnerId, r.Region)));
    }

    [Fact]
    public async Task a_renewal_starts_the_day_after_the_end_for_as_long_and_once_signed_stops_the_reminders()
    {
        var customer = await KnownCustomer();
        var signed = await SignedForSecondHalf(customer);
        At(2026, 7, 1);
        await Calendar.RunAsync(default);

        var renewal = await Host.Client(TestUser.RepEast).PostAsync($"/api/contracts/{signed.Id}/renew", null).Read<ContractResponse>(HttpStatusCode.Created);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)), (renewal.Terms.Signing!.EffectiveFrom, renewal.Terms.Signing.EffectiveUntil));
        Assert.Equal(ContractStatus.Draft, renewal.Status);
        Assert.Equal(signed.Terms.Subject, renewal.Terms.Subject);
        await Submit(TestUser.RepEast, renewal.Id).Expect(HttpStatusCode.OK);
        await Decide(TestUser.ManagerEast, renewal.Id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK);
        await Sign(TestUser.RepEast, renewal.Id).Expect(HttpStatusCode.OK);

        At(2026, 12, 1);
        Assert.Equal(0, (await Calendar.RunAsync(default)).Reminded);
        Assert.Equal((ContractStatus.Active, renewal.Number), ((await Get(TestUser.RepEast, signed.Id)).Status, (await Get(TestUser.RepEast, signed.Id)).SucceededBy));
        At(2027, 1, 1, 0, 1);
        var last = await Calendar.RunAsync(default);
        Assert.Equal((1, 1), (last.Activated, last.Expired));
        Assert.Equal(renewal.Number, (await Host.Published<ContractExpired>(e => e.ContractId == signed.Id)).RenewedBy);
    }

    [Fact]
    public async Task a_signed_amendment_supersedes_the_contract_which_is_kept()
    {
        var customer = await KnownCustomer();
        var signed = await SignedForSecondHalf(customer);

        var amendment = await Host.Client(TestUser.RepEast).PostAsync($"/api/contracts/{signed.Id}/amend", null).Read<ContractResponse>(HttpStatusCode.Created);
        var terms = amendment.Terms with { Subject = [new SubjectLine("TL-600", 2_000m, 60m)] };
        await Revise(TestUser.RepEast, amendment.Id, terms).Expect(HttpStatusCode.OK);
        await Submit(TestUser.RepEast, amendment.Id).Expect(HttpStatusCode.OK);
        await Decide(TestUser.ManagerEast, amendment.Id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK);
        Assert.Equal(ContractStatus.Signed, (await Get(TestUser.RepEast, signed.Id)).Status);
        await Sign(TestUser.RepEast, amendment.Id).Expect(HttpStatusCode.OK);

        var original = await Get(TestUser.RepEast, signed.Id);
        Assert.Equal((ContractStatus.Superseded, amendment.Number, 60_000m), (original.Status, original.SucceededBy, original.Value.Amount));
        Assert.Equal(120_000m, (await Get(TestUser.RepEast, amendment.Id)).Value.Amount);
        await Host.Client(TestUser.RepEast).PostAsync($"/api/contracts/{signed.Id}/amend", null).ReadProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task the_renewals_report_lists_contracts_in_force_ending_within_the_days_asked_per_owner()
    {
        var customer = await KnownCustomer();
        var signed = await SignedForSecondHalf(customer);
        var lapsing = await SignedForSecondHalf(customer);
        At(2026, 11, 15);
        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/contracts/{lapsing.Id}/let-lapse", new { reason = "Dealer retires" }).Expect(HttpStatusCode.OK);

        var report = await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/renewals").Read<RenewalsReport>();
        var sooner = await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/renewals?withinDays=30").Read<RenewalsReport>();

        Assert.Equal((new DateOnly(2026, 11, 15), 60), (report.Today, report.WithinDays));
        Assert.Equal([signed.Number, lapsing.Number], report.Contracts.Select(c => c.Number).Order(StringComparer.Ordinal));
        Assert.All(report.Contracts, c => Assert.Equal(46, c.DaysLeft));
        Assert.Equal([new RenewalsCount("EAST", "rep.east", 2, 0, 1)], report.ByOwner);
        Assert.Empty(sooner.Contracts);
        Assert.Empty((await Host.Client(TestUser.RepNorth).GetAsync("/api/contracts/renewals").Read<RenewalsReport>()).Contracts);
        await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/renewals?withinDays=400").ReadValidationProblem("withinDays");
    }
}
