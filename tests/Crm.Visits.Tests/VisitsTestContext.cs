using System.Net.Http.Json;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Visits.Tests;

/// <summary>
/// The Visits service in process on a fake clock that starts on Monday 2 March 2026, 09:00 in Shanghai, with customers
/// fed into its read model as Customers would publish them.
/// </summary>
public abstract class VisitsTestContext : IAsyncLifetime
{
    public static readonly DateTimeOffset MondayNine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>West Lake, Hangzhou, in WGS-84.</summary>
    public const double Latitude = 30.2431, Longitude = 120.1500;

    protected TestClock Clock { get; } = new(MondayNine);

    protected ServiceTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ServiceTestHost.StartAsync(
            b =>
            {
                b.AddVisitsService();
                b.Services.AddSingleton<TimeProvider>(Clock);
            },
            a => a.MapVisitsService());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected HttpClient As(TestUser user) => Host.Client(user);

    /// <summary>A customer as Customers publishes it, optionally with coordinates in a datum.</summary>
    protected async Task<CustomerRegistered> Customer(
        string region = "EAST", string owner = "rep.east", CustomerGrade grade = CustomerGrade.B, CustomerTier tier = CustomerTier.Ordinary,
        (double Latitude, double Longitude, CoordinateDatum Datum)? at = null, CustomerStatus status = CustomerStatus.Active)
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, owner, grade: grade, tier: tier) with
        {
            Latitude = at?.Latitude,
            Longitude = at?.Longitude,
            Datum = at?.Datum ?? CoordinateDatum.Wgs84,
            Status = status,
            Address = "杭州市西湖区",
        };
        await Host.Deliver(registered, Guid.NewGuid());
        return registered;
    }

    protected async Task<VisitResponse> Schedule(Guid customerId, TestUser? rep = null, DateOnly? day = null) =>
        await As(rep ?? TestUser.RepEast).PostAsJsonAsync("/api/visits", new { customerId, day = day ?? Monday }, TestJson.Options)
            .Read<VisitResponse>(System.Net.HttpStatusCode.Created);

    protected Task<HttpResponseMessage> Post(TestUser user, string url, object body) => As(user).PostAsJsonAsync(url, body, TestJson.Options);

    protected static object Position(double latitude = Latitude, double longitude = Longitude, CoordinateDatum datum = CoordinateDatum.Wgs84) =>
        new { latitude, longitude, datum };

    protected static object Report(CustomerGrade? proposedGrade = null, string? gradeReason = null, int satisfaction = 4) => new
    {
        purpose = "Introduce the spring tile range",
        needs = "Anti-slip tiles for a school project",
        objections = new[] { new { text = "Price above the competitor", handling = "Showed the lifetime cost" } },
        suggestions = "Shorter delivery times",
        competitors = new[] { new { competitor = "马可波罗瓷砖", product = "Anti-slip 600x600", price = 58.5m, activity = "Spring discount 10%" } },
        satisfaction,
        trainingGiven = "Laying guide for large tiles",
        nextSteps = new[] { new { action = "Send samples", due = "2026-03-09" }, new { action = "Quote the school project", due = "2026-03-05" } },
        proposedGrade,
        gradeReason,
    };

    /// <summary>Scheduled, checked in and out at the customer, and the report written: ready to submit.</summary>
    protected async Task<VisitResponse> Reported(Guid customerId, CustomerGrade? proposedGrade = null)
    {
        var visit = await Schedule(customerId);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Read<VisitResponse>();
        Clock.Advance(TimeSpan.FromMinutes(45));
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-out", Position()).Read<VisitResponse>();
        return await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report",
            Report(proposedGrade, proposedGrade is null ? null : "Signed a letter of intent"), TestJson.Options).Read<VisitResponse>();
    }
}
