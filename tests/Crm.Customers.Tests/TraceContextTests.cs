using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>
/// One trace follows a change from the HTTP request into the bus, even though the event leaves through the outbox
/// after the request has finished: the dispatcher continues the trace that the request started.
/// </summary>
public sealed class TraceContextTests : CustomersHostTests
{
    [Fact]
    public async Task An_event_published_through_the_outbox_continues_the_trace_of_the_request_that_caused_it()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.TraceId == traceId) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = JsonContent.Create(RegisterBody()) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.Created, (await Host.Client(TestUser.RepEast).SendAsync(request)).StatusCode);

        await Eventually.True(() => Task.FromResult(activities.Any(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer)),
            what: "the bus publish to join the request's trace");
        Assert.Contains(activities, a => a.Source.Name == "Crm.Platform" && a.DisplayName.Contains("CustomerRegistered"));
    }
}
