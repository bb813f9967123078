using System.Net;
using System.Net.Http.Json;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Complaints.Tests;

/// <summary>
/// The Complaints service in process on a fake clock that starts on Monday 2 March 2026, 09:00 in Shanghai, with the
/// scheduled sweeper off (tests run sweeps themselves) and customers fed into its read model as Customers would.
/// </summary>
public abstract class ComplaintsTestContext : IAsyncLifetime
{
    public static readonly DateTimeOffset MondayNine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected TestClock Clock { get; } = new(MondayNine);

    protected ServiceTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ServiceTestHost.StartAsync(
            b =>
            {
                b.AddComplaintsService();
                b.Services.AddSingleton<TimeProvider>(Clock);
            },
            a => a.MapComplaintsService(),
            Settings);

    /// <summary>The service's settings; by default without its scheduled sweeper, so that tests sweep when they choose.</summary>
    protected virtual Dictionary<string, string?> Settings => new() { ["Complaints:EscalationEnabled"] = "false" };

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected HttpClient As(TestUser user) => Host.Client(user);

    protected async Task<Guid> Customer(string region = "EAST", string owner = "rep.east", CustomerTier tier = CustomerTier.Ordinary, CustomerGrade grade = CustomerGrade.B)
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, owner, grade: grade, tier: tier);
        await Host.Deliver(registered, Guid.NewGuid());
        return registered.CustomerId;
    }

    protected Task<HttpResponseMessage> FileRaw(TestUser user, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(body, options: TestJson.Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return As(user).SendAsync(request);
    }

    protected async Task<ComplaintResponse> File(
        Guid customerId, ComplaintType type = ComplaintType.ProductQuality, ComplaintSeverity severity = ComplaintSeverity.Medium,
        ComplaintChannel channel = ComplaintChannel.Hotline, string? productLine = "Ceramic tiles", TestUser? by = null) =>
        await FileRaw(by ?? TestUser.RepEast, new
        {
            customerId, channel, type, severity, productLine,
            description = "Cracked tiles in the last delivery", contactPerson = "王经理 13800000000",
        }).Read<ComplaintResponse>(HttpStatusCode.Created);

    /// <summary>A valid body for each lifecycle action on a complaint (reroute takes none).</summary>
    protected static readonly Dictionary<string, object> Bodies = new()
    {
        ["start"] = new { },
        ["wait-on-customer"] = new { note = "Asked for photos of the cracks" },
        ["customer-responded"] = new { note = "Photos received" },
        ["resolve"] = new { rootCause = "Kiln temperature drift in batch 2026-02", fix = "Replaced 120 boxes; kiln recalibrated" },
        ["close"] = new { },
        ["reopen"] = new { reason = "Cracks again in the replacement" },
        ["transfer"] = new { department = "Logistics", reason = "Damaged in transport, not in production" },
        ["assign"] = new { assigneeId = "handler.quality2" },
        ["return-visit"] = new { satisfaction = 4, note = "Satisfied with the replacement" },
    };

    /// <summary>How to bring a fresh (routed) complaint into each status.</summary>
    protected static readonly Dictionary<ComplaintStatus, string[]> PathTo = new()
    {
        [ComplaintStatus.Routed] = [],
        [ComplaintStatus.InProgress] = ["start"],
        [ComplaintStatus.WaitingOnCustomer] = ["start", "wait-on-customer"],
        [ComplaintStatus.Resolved] = ["start", "resolve"],
        [ComplaintStatus.Closed] = ["start", "resolve", "close"],
    };

    /// <summary>A fresh complaint brought into <paramref name="status"/> through the API by the supervisor.</summary>
    protected async Task<ComplaintResponse> ComplaintIn(ComplaintStatus status)
    {
        var complaint = await File(await Customer());
        foreach (var step in PathTo[status])
        {
            complaint = await Post(TestUser.Supervisor, complaint.Id, step, Bodies[step]).Read<ComplaintResponse>();
        }

        Assert.Equal(status, complaint.Status);
        return complaint;
    }

    protected Task<HttpResponseMessage> Post(TestUser user, Guid id, string action, object? body = null, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{id}/{action}") { Content = JsonContent.Create(body ?? new { }, options: TestJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }

        return As(user).SendAsync(request);
    }

    protected Task<ComplaintResponse> Get(TestUser user, Guid id) => As(user).GetAsync($"/api/complaints/{id}").Read<ComplaintResponse>();

    protected void Advance(TimeSpan by) => Clock.Advance(by);
}
