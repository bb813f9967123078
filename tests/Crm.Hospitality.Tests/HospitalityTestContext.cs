using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Hospitality.Tests;

/// <summary>The Hospitality service in process on a fake clock that starts on Monday 2 March 2026, 09:00 in Shanghai.</summary>
public abstract class HospitalityTestContext : IAsyncLifetime
{
    public static readonly DateTimeOffset MondayNine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>When <see cref="Approved"/> visits start: Tuesday 3 March 2026, 10:00 in Shanghai, for two hours.</summary>
    public static readonly DateTimeOffset TuesdayTen = MondayNine.AddHours(25);

    public static readonly TestUser DirectorEast = new("director.east", Roles.RegionalDirector, ["EAST"]);
    public static readonly TestUser Chairman = new("chairman", Roles.Chairman, []);

    protected TestClock Clock { get; } = new(MondayNine);

    /// <summary>Settings a test class runs the service with, over the test host's.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    protected ServiceTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ServiceTestHost.StartAsync(
            b =>
            {
                b.AddHospitalityService();
                b.Services.AddSingleton<TimeProvider>(Clock);
            },
            a => a.MapHospitalityService(),
            Settings);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected HttpClient As(TestUser user) => Host.Client(user);

    protected async Task<Guid> Customer(CustomerTier tier = CustomerTier.Ordinary, CustomerKind kind = CustomerKind.Dealer, string owner = "rep.east", string region = "EAST")
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, owner, tier: tier, kind: kind);
        await Host.Deliver(registered, Guid.NewGuid());
        return registered.CustomerId;
    }

    protected static object Visit(DateTimeOffset start, bool urgent = false, string kind = "AdHoc", bool photographs = false) => new
    {
        visitors = new[] { new { name = "王总", position = "总经理", isKeyPerson = true }, new { name = "李工", position = "采购", isKeyPerson = false } },
        start, end = start.AddHours(2), purpose = "See the new kiln line", kind, wantsToSee = "Production line 3, showroom",
        asksToPhotograph = photographs, hostId = "host.marketing", urgent,
    };

    protected Task<HttpResponseMessage> ApplyRaw(TestUser user, Guid customerId, object visit) =>
        As(user).PostAsJsonAsync("/api/hospitality/applications", new { customerId, visit }, TestJson.Options);

    protected async Task<ApplicationResponse> Apply(Guid customerId, object visit, TestUser? user = null) =>
        await ApplyRaw(user ?? TestUser.RepEast, customerId, visit).Read<ApplicationResponse>(System.Net.HttpStatusCode.Created);

    protected Task<HttpResponseMessage> Decide(TestUser user, Guid id, Decision decision, string? comment = null, string? programme = null) =>
        As(user).PostAsJsonAsync($"/api/hospitality/applications/{id}/decide", new { decision, comment, programme }, TestJson.Options);

    /// <summary>An ordinary visit on <see cref="TuesdayTen"/> by the two visitors of <see cref="Visit"/>, approved along its whole chain.</summary>
    protected async Task<ApplicationResponse> Approved(CustomerTier tier = CustomerTier.Ordinary, CustomerGrade grade = CustomerGrade.E)
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), tier: tier, grade: grade);
        await Host.Deliver(registered, Guid.NewGuid());
        var applied = await Apply(registered.CustomerId, Visit(TuesdayTen));
        foreach (var approver in applied.Chain.Select(step => step.Role switch
                 {
                     Roles.BranchManager => TestUser.ManagerEast,
                     Roles.RegionalDirector => DirectorEast,
                     _ => TestUser.MarketingGM,
                 }))
        {
            await Decide(approver, applied.Id, Decision.Approve).Expect(HttpStatusCode.OK);
        }

        return await As(TestUser.RepEast).GetFromJsonAsync<ApplicationResponse>($"/api/hospitality/applications/{applied.Id}", TestJson.Options)
            ?? throw new InvalidOperationException();
    }

    protected void At(DateTimeOffset when) => Clock.Advance(when - Clock.GetUtcNow());
}
