using System.Net;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class VisitHistoryTests : CustomersHostTests
{
    private static VisitCompleted Completed(Guid customerId, DateTimeOffset checkedOut, string purpose) => new()
    {
        OccurredAt = checkedOut.AddMinutes(10), Version = 5, VisitId = Guid.NewGuid(), VisitNumber = "VS-2026-000042", CustomerId = customerId,
        Region = "EAST", OwnerId = "rep.east", AdHoc = false, CheckedInAt = checkedOut.AddMinutes(-40), CheckedOutAt = checkedOut,
        CheckInFlagged = true, Purpose = purpose, Satisfaction = 4, ProposedGrade = CustomerGrade.C, NextStepDue = new DateOnly(2026, 3, 9),
    };

    [Fact]
    public async Task completed_visits_appear_in_the_service_history_newest_first_once_each_with_the_last_visit_date()
    {
        var customer = await Register(TestUser.RepEast);
        var earlier = Completed(customer.Id, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)), "Introduce the spring range");
        var later = Completed(customer.Id, new DateTimeOffset(2026, 3, 16, 15, 30, 0, TimeSpan.FromHours(8)), "Quote the school project");

        await Host.Deliver(later, Guid.NewGuid());
        await Host.Deliver(earlier, Guid.NewGuid());
        await Host.Deliver(later, Guid.NewGuid()); // the same visit again, as a second publisher would send it

        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();
        Assert.Equal(later.CheckedOutAt, history.LastVisitedAt);
        Assert.Equal([later.VisitId, earlier.VisitId], history.Visits!.Select(v => v.VisitId));
        var shown = history.Visits![0];
        Assert.Equal(("Quote the school project", 4, true, CustomerGrade.C, new DateOnly(2026, 3, 9), "rep.east"),
            (shown.Purpose, shown.Satisfaction, shown.CheckInFlagged, shown.ProposedGrade, shown.NextStepDue, shown.OwnerId));
        await Host.Client(TestUser.RepNorth).GetAsync($"/api/customers/{customer.Id}/service-history").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_customers_visits_to_the_company_appear_in_the_service_history_once_each()
    {
        var customer = await Register(TestUser.RepEast);
        var completed = new HospitalityCompleted
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 6, ApplicationId = Guid.NewGuid(), Number = "HV-2026-000003", CustomerId = customer.Id, Region = "EAST",
            VisitStart = new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), VisitEnd = new DateTimeOffset(2026, 3, 3, 4, 0, 0, TimeSpan.Zero),
            Outcome = "Agreed a trial order", Impressions = "Liked the kiln", ProposedGrade = CustomerGrade.C, RecordedBy = "gm",
        };

        await Host.Deliver(completed, Guid.NewGuid());
        await Host.Deliver(completed with { EventId = Guid.NewGuid() }, Guid.NewGuid());

        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();
        var visit = Assert.Single(history.CompanyVisits!);
        Assert.Equal(("HV-2026-000003", "Agreed a trial order", "Liked the kiln", CustomerGrade.C, "gm"),
            (visit.Number, visit.Outcome, visit.Impressions, visit.ProposedGrade, visit.RecordedBy));
    }

    [Fact]
    public async Task a_customer_never_visited_has_no_last_visit()
    {
        var customer = await Register(TestUser.RepEast);

        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();

        Assert.Null(history.LastVisitedAt);
        Assert.Empty(history.Visits!);
    }
}
