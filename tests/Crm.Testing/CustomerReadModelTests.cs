using System.Net;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.IntegrationEvents;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Crm.Testing;

/// <summary>
/// The customer read model that every service but Customers keeps from Customers' events (DESIGN.md, event-carried
/// state transfer). Each service's test project derives one small class that starts its host.
/// </summary>
public abstract class CustomerReadModelTests<TContext> : IAsyncLifetime
    where TContext : ServiceDbContext, IHasCustomerSnapshots
{
    private ServiceTestHost? host;

    /// <summary>The service's route prefix, e.g. <c>/api/visits</c>.</summary>
    protected abstract string RoutePrefix { get; }

    protected ServiceTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    protected abstract Task<ServiceTestHost> StartHost();

    public async Task InitializeAsync() => host = await StartHost();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task customer_registered_creates_the_snapshot_shown_to_its_owner()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), grade: CustomerGrade.D, tier: CustomerTier.Key, kind: CustomerKind.Group);
        await Host.Deliver(registered, Guid.NewGuid());

        var snapshot = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();

        Assert.Equal(registered.CustomerId, snapshot.Id);
        Assert.Equal(registered.Code, snapshot.Code);
        Assert.Equal(registered.Name, snapshot.Name);
        Assert.Equal(CustomerKind.Group, snapshot.Kind);
        Assert.Equal("EAST", snapshot.Region);
        Assert.Equal("rep.east", snapshot.OwnerId);
        Assert.Equal(CustomerTier.Key, snapshot.Tier);
        Assert.Equal(CustomerGrade.D, snapshot.Grade);
        Assert.Equal(registered.Version, snapshot.Version);
    }

    [Fact]
    public async Task the_snapshot_keeps_the_address_the_coordinates_with_their_datum_and_a_deregistration()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid()) with
        {
            Address = "杭州市西湖区北山街 1 号", Latitude = 30.2412, Longitude = 120.1547, Datum = CoordinateDatum.Bd09,
        };
        await Host.Deliver(registered, Guid.NewGuid());
        var deregistered = new CustomerDeregistered
        {
            OccurredAt = registered.OccurredAt.AddDays(1), Version = 2, CustomerId = registered.CustomerId, Code = registered.Code,
            Name = registered.Name, Kind = registered.Kind, Region = registered.Region, OwnerId = registered.OwnerId, Tier = registered.Tier,
            Grade = registered.Grade, Status = CustomerStatus.Deregistered, Address = registered.Address, Latitude = registered.Latitude,
            Longitude = registered.Longitude, Datum = registered.Datum, Reason = "Closed down", DeregisteredBy = "supervisor",
        };

        var before = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();
        await Host.Deliver(deregistered, Guid.NewGuid());
        var after = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();

        Assert.Equal(("杭州市西湖区北山街 1 号", 30.2412, 120.1547, CoordinateDatum.Bd09, CustomerStatus.Active),
            (before.Address, before.Latitude, before.Longitude, before.Datum, before.Status));
        Assert.Equal((CustomerStatus.Deregistered, 2L), (after.Status, after.Version));
    }

    [Fact]
    public async Task a_later_grade_change_updates_the_snapshot()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid());
        await Host.Deliver(registered, Guid.NewGuid());
        var changed = TestCustomerEvents.GradeChanged(registered, CustomerGrade.C, version: registered.Version + 1);
        await Host.Deliver(changed, Guid.NewGuid());

        var snapshot = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();

        Assert.Equal(CustomerGrade.C, snapshot.Grade);
        Assert.Equal(changed.Version, snapshot.Version);
    }

    [Fact]
    public async Task an_older_event_arriving_after_a_newer_one_is_ignored()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid());
        var renamed = TestCustomerEvents.Updated(registered, version: 2, name: "Renamed at version 2");
        var promoted = TestCustomerEvents.GradeChanged(renamed, CustomerGrade.B, version: 3);
        await Host.Deliver(registered, Guid.NewGuid());
        await Host.Deliver(promoted, Guid.NewGuid());
        await Host.Deliver(renamed with { Name = "Stale name from version 2" }, Guid.NewGuid());

        var snapshot = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();

        Assert.Equal(CustomerGrade.B, snapshot.Grade);
        Assert.Equal("Renamed at version 2", snapshot.Name);
        Assert.Equal(promoted.Version, snapshot.Version);
    }

    [Fact]
    public async Task a_grade_change_arriving_before_the_registration_still_yields_the_newest_state()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid());
        var promoted = TestCustomerEvents.GradeChanged(registered, CustomerGrade.D, version: registered.Version + 1);
        await Host.Deliver(promoted, Guid.NewGuid());
        await Host.Deliver(registered, Guid.NewGuid());

        var snapshot = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();

        Assert.Equal(CustomerGrade.D, snapshot.Grade);
        Assert.Equal(promoted.Version, snapshot.Version);
        Assert.Equal(1, await Host.Scoped<TContext, int>(db => db.CustomerSnapshots.CountAsync(c => c.Id == registered.CustomerId)));
    }

    [Fact]
    public async Task the_same_message_delivered_twice_has_one_effect()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid());
        await Host.Deliver(registered, Guid.NewGuid());
        var messageId = Guid.NewGuid();
        var promoted = TestCustomerEvents.GradeChanged(registered, CustomerGrade.C, version: 2);
        await Host.Deliver(promoted, messageId);

        // The redelivery carries a newer card on purpose: only the inbox, not the version check, can hold it back.
        await Host.Redeliver(promoted with { Grade = CustomerGrade.A, Version = 5 }, messageId);

        var snapshot = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();
        Assert.Equal(CustomerGrade.C, snapshot.Grade);
        Assert.Equal(2, snapshot.Version);
        Assert.Equal(1, await Host.Scoped<TContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task events_of_one_customer_delivered_at_once_reordered_and_twice_from_two_publishers_end_at_the_newest_card()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid());
        var grades = new[] { CustomerGrade.E, CustomerGrade.D, CustomerGrade.C, CustomerGrade.B, CustomerGrade.A };
        var history = new List<CustomerEvent> { registered };
        for (var v = 2; v <= 12; v++)
        {
            history.Add(v % 2 == 0
                ? TestCustomerEvents.GradeChanged(history[^1], grades[v % grades.Length], version: v)
                : TestCustomerEvents.Updated(history[^1], version: v, name: $"Name at version {v}"));
        }

        var newest = history[^1];

        // Each event twice under its own message id (as two replicas of Customers might publish it), and one
        // message redelivered under the same id: all at once, in a shuffled order.
        var deliveries = history.SelectMany(e => new[] { (Event: e, Id: Guid.NewGuid()), (Event: e, Id: Guid.NewGuid()) }).ToList();
        deliveries.Add(deliveries[3]);
        var shuffled = deliveries.OrderBy(_ => Random.Shared.Next()).ToList();
        await Task.WhenAll(shuffled.Select(d => Host.Harness.Bus.Publish((object)d.Event, d.Event.GetType(), Pipe.Execute<PublishContext>(ctx => ctx.MessageId = d.Id))));
        var ids = deliveries.Select(d => d.Id).ToHashSet();
        await Eventually.True(
            async () => await Host.Scoped<TContext, int>(db => db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId) && m.Consumer.StartsWith("CustomerSnapshotConsumer"))) == ids.Count,
            what: "every delivery to be consumed");

        var snapshot = await Get(TestUser.RepEast, registered.CustomerId).Read<CustomerSnapshot>();
        Assert.Equal(12, snapshot.Version);
        Assert.Equal(newest.Grade, snapshot.Grade);
        Assert.Equal("Name at version 11", snapshot.Name);
        Assert.Equal(1, await Host.Scoped<TContext, int>(db => db.CustomerSnapshots.CountAsync(c => c.Id == registered.CustomerId)));
    }

    [Fact]
    public async Task a_resynced_card_restores_a_lost_customer_and_never_overwrites_a_newer_one()
    {
        var lost = TestCustomerEvents.Registered(Guid.NewGuid());
        var resynced = Resynced(TestCustomerEvents.GradeChanged(lost, CustomerGrade.C, version: 3));
        await Host.Deliver(resynced, Guid.NewGuid());
        var restored = await Get(TestUser.RepEast, lost.CustomerId).Read<CustomerSnapshot>();
        Assert.Equal((CustomerGrade.C, 3L), (restored.Grade, restored.Version));

        var known = TestCustomerEvents.Registered(Guid.NewGuid());
        await Host.Deliver(TestCustomerEvents.GradeChanged(known, CustomerGrade.B, version: 4), Guid.NewGuid());
        await Host.Deliver(Resynced(TestCustomerEvents.GradeChanged(known, CustomerGrade.D, version: 2)), Guid.NewGuid());
        var kept = await Get(TestUser.RepEast, known.CustomerId).Read<CustomerSnapshot>();
        Assert.Equal((CustomerGrade.B, 4L), (kept.Grade, kept.Version));
    }

    private static CustomerResynced Resynced(CustomerEvent card) => new()
    {
        OccurredAt = card.OccurredAt, Version = card.Version, CustomerId = card.CustomerId, Code = card.Code, Name = card.Name,
        Kind = card.Kind, Region = card.Region, OwnerId = card.OwnerId, Tier = card.Tier, Grade = card.Grade,
    };

    [Fact]
    public async Task a_manager_of_the_region_sees_the_customer_and_a_rep_of_another_region_gets_not_found()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region: "EAST", ownerId: "rep.east");
        await Host.Deliver(registered, Guid.NewGuid());

        Assert.Equal(HttpStatusCode.OK, (await Get(TestUser.ManagerEast, registered.CustomerId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(TestUser.RepNorth, registered.CustomerId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(TestUser.RepEast2, registered.CustomerId)).StatusCode);
    }

    [Fact]
    public async Task a_customer_handed_to_another_rep_leaves_the_old_reps_view()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region: "EAST", ownerId: "rep.east");
        await Host.Deliver(registered, Guid.NewGuid());
        await Host.Deliver(TestCustomerEvents.Updated(registered, version: 2, ownerId: "rep.east2"), Guid.NewGuid());

        Assert.Equal("rep.east2", (await Get(TestUser.RepEast2, registered.CustomerId).Read<CustomerSnapshot>()).OwnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(TestUser.RepEast, registered.CustomerId)).StatusCode);
    }

    [Fact]
    public async Task a_caller_without_a_token_gets_unauthorized()
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid());
        await Host.Deliver(registered, Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(null, registered.CustomerId)).StatusCode);
    }

    [Fact]
    public async Task an_unknown_customer_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get(TestUser.Supervisor, Guid.NewGuid())).StatusCode);
    }

    private Task<HttpResponseMessage> Get(TestUser? user, Guid customerId) =>
        Host.Client(user).GetAsync($"{RoutePrefix}/customers/{customerId}");
}
