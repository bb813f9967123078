using Crm.BuildingBlocks.Domain;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Tests.Domain;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private static Customer NewCustomer(CustomerGrade grade = CustomerGrade.E) =>
        Customer.Register("CU-0001", "苏州恒达二批商行 Suzhou Hengda Wholesale", CustomerKind.SecondaryWholesaler, "EAST",
            "苏州市姑苏区人民路 120 号", "rep.east", CustomerTier.Ordinary, grade, "manager.east", RegisteredAt);

    [Fact]
    public void registering_records_the_starting_grade_as_the_first_history_entry()
    {
        var customer = NewCustomer();

        Assert.Equal(CustomerGrade.E, customer.Grade);
        Assert.Equal(1, customer.Version);
        Assert.Equal("manager.east", customer.RegisteredBy);
        var entry = Assert.Single(customer.GradeHistory);
        Assert.Null(entry.From);
        Assert.Equal(CustomerGrade.E, entry.To);
        Assert.Equal("manager.east", entry.ChangedBy);
        Assert.Equal(RegisteredAt, entry.ChangedAt);
        Assert.Equal(customer.Id, entry.CustomerId);
    }

    [Fact]
    public void changing_the_grade_records_from_to_reason_and_who_and_bumps_the_version()
    {
        var customer = NewCustomer();
        var at = RegisteredAt.AddDays(20);

        var previous = customer.ChangeGrade(CustomerGrade.D, "Complete basic information, first contact made", "rep.east", at, sourceId: "visit:42");

        Assert.Equal(CustomerGrade.E, previous);
        Assert.Equal(CustomerGrade.D, customer.Grade);
        Assert.Equal(2, customer.Version);
        Assert.Equal(2, customer.GradeHistory.Count);
        var entry = customer.GradeHistory[^1];
        Assert.Equal(CustomerGrade.E, entry.From);
        Assert.Equal(CustomerGrade.D, entry.To);
        Assert.Equal("Complete basic information, first contact made", entry.Reason);
        Assert.Equal("rep.east", entry.ChangedBy);
        Assert.Equal(at, entry.ChangedAt);
        Assert.Equal("visit:42", entry.SourceId);
    }

    [Fact]
    public void a_customer_can_be_demoted_as_well_as_promoted()
    {
        var customer = NewCustomer(CustomerGrade.B);

        var previous = customer.ChangeGrade(CustomerGrade.D, "Decision maker left the company", "manager.east", RegisteredAt.AddDays(3));

        Assert.Equal(CustomerGrade.B, previous);
        Assert.Equal(CustomerGrade.D, customer.Grade);
    }

    [Fact]
    public void changing_to_the_same_grade_changes_nothing()
    {
        var customer = NewCustomer(CustomerGrade.C);

        var previous = customer.ChangeGrade(CustomerGrade.C, "Still stable contact", "rep.east", RegisteredAt.AddDays(1));

        Assert.Null(previous);
        Assert.Equal(CustomerGrade.C, customer.Grade);
        Assert.Equal(1, customer.Version);
        Assert.Single(customer.GradeHistory);
    }

    [Fact]
    public void updating_the_profile_and_owner_replaces_them_as_one_change_with_one_event()
    {
        var customer = NewCustomer();
        var at = RegisteredAt.AddDays(1);

        var changes = customer.Update(
            customer.Profile with
            {
                Name = "恒达批发 Hengda Wholesale", Kind = CustomerKind.Dealer, Region = "NORTH", Address = "天津市河西区友谊路 18 号", Tier = CustomerTier.Key,
            },
            "rep.north", "manager.north", at);

        Assert.Equal(["name", "kind", "region", "address", "tier", "ownerId"], changes.Select(c => c.Field));
        Assert.Equal(new FieldChange("ownerId", "rep.east", "rep.north"), changes[^1]);
        Assert.Equal("恒达批发 Hengda Wholesale", customer.Name);
        Assert.Equal(CustomerKind.Dealer, customer.Kind);
        Assert.Equal("NORTH", customer.Region);
        Assert.Equal("天津市河西区友谊路 18 号", customer.Address);
        Assert.Equal("rep.north", customer.OwnerId);
        Assert.Equal(CustomerTier.Key, customer.Tier);
        Assert.Equal(2, customer.Version);
        Assert.Equal(CustomerGrade.E, customer.Grade);
        var raised = Assert.IsType<CustomerProfileChangedDomainEvent>(customer.DomainEvents[^1]);
        Assert.Equal(changes, raised.Changes);
        Assert.Equal(("manager.north", at, 2L, "rep.north"), (raised.By, raised.OccurredAt, raised.Customer.Version, raised.Customer.OwnerId));
    }

    [Fact]
    public void reassigning_the_owner_records_the_change_with_its_reason()
    {
        var customer = NewCustomer();

        Assert.True(customer.ReassignOwner("rep.north", "Moved to the northern team", "crm.supervisor", RegisteredAt.AddDays(1)));

        Assert.Equal("rep.north", customer.OwnerId);
        Assert.Equal(2, customer.Version);
        var raised = Assert.IsType<CustomerOwnerReassignedDomainEvent>(customer.DomainEvents[^1]);
        Assert.Equal(new FieldChange("ownerId", "rep.east", "rep.north"), raised.Change);
        Assert.Equal("Moved to the northern team", raised.Reason);
    }

    [Fact]
    public void updating_the_profile_with_the_same_values_changes_nothing()
    {
        var customer = NewCustomer();
        customer.ClearDomainEvents();

        var changes = customer.Update(customer.Profile, customer.OwnerId, "rep.east", RegisteredAt.AddDays(1));

        Assert.Empty(changes);
        Assert.False(customer.ReassignOwner(customer.OwnerId, "No move", "crm.supervisor", RegisteredAt.AddDays(1)));
        Assert.Equal(1, customer.Version);
        Assert.Empty(customer.DomainEvents);
    }
}
