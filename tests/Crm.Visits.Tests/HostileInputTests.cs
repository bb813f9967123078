using System.Net.Http.Json;
using Crm.Testing;
using Crm.Visits.Features;
using Crm.Visits.Data;

namespace Crm.Visits.Tests;

public sealed class HostileInputTests : VisitsTestContext
{
    [Fact]
    public async Task every_write_endpoint_answers_hostile_bodies_with_400_and_stores_nothing()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);
        var url = $"/api/visits/{visit.Id}";
        var routed = await Schedule(customer.CustomerId); // stays scheduled while the valid bodies move the other visit on
        var plan = await As(TestUser.RepEast).PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-02", to = "2026-03-13" }, TestJson.Options)
            .Read<PlanResponse>(System.Net.HttpStatusCode.Created);
        var planned = plan.Days.SelectMany(d => d.Visits).ToList();
        var plans = $"/api/visits/plans/{plan.Id}";
        var intervals = new { a = 7, b = 14, c = 30, d = 60, e = 90 };

        await HostileInput.RefusedAndNothingStored(Host.Client(TestUser.Supervisor), "visits",
            new Dictionary<string, (string, object)>
            {
                ["SetVisitFrequencyPolicy"] = ("/api/visits/frequency-policies/EAST", new { ordinary = intervals, key = intervals }),
                ["ScheduleVisit"] = ("/api/visits", new { customerId = customer.CustomerId, day = Monday, note = "Bring samples" }),
                ["CheckInVisit"] = ($"{url}/check-in", Position()),
                ["CheckOutVisit"] = ($"{url}/check-out", Position()),
                ["CancelVisit"] = ($"{url}/cancel", new { reason = "Customer closed" }),
                ["WriteVisitReport"] = ($"{url}/report", new
                {
                    purpose = "Quarterly review", needs = "Anti-slip tiles", satisfaction = 3, trainingGiven = "Laying guide", suggestions = "Faster delivery",
                    objections = new[] { new { text = "Too expensive", handling = "Lifetime cost" } },
                    competitors = new[] { new { competitor = "马可波罗", product = "600x600", price = 58.5m, activity = "Discount" } },
                    nextSteps = new[] { new { action = "Send samples", due = "2026-03-09" } },
                    proposedGrade = "B", gradeReason = "Letter of intent",
                    complaint = new { type = "Delivery", severity = "High", productLine = "Ceramic tiles", description = "Late", contactPerson = "王经理" },
                    proposeDeregistration = "Closed for good",
                }),
                ["PlanDayRoute"] = ("/api/visits/routes", new
                {
                    day = Monday, start = new { latitude = Latitude, longitude = Longitude, datum = "Gcj02" }, end = "OpenEnded", departAt = "08:30",
                    ownerId = "rep.east", minutesPerVisit = 30, speedKmh = 30.0, appointments = new[] { new { visitId = routed.Id, at = "09:00" } },
                }),
                ["GenerateVisitPlan"] = ("/api/visits/plans", new { from = "2026-03-16", to = "2026-03-27", ownerId = "rep.east", region = "EAST", visitsPerDay = 6, minutesPerVisit = 60 }),
                ["AddPlanVisit"] = ($"{plans}/visits", new { customerId = customer.CustomerId, day = "2026-03-10", reason = "Tender" }),
                ["MovePlanVisit"] = ($"{plans}/visits/{planned[0].Id}/move", new { day = "2026-03-11", reason = "Customer away" }),
                ["DropPlanVisit"] = ($"{plans}/visits/{planned[^1].Id}/drop", new { reason = "Met at the fair" }),
                ["ReviewVisitPlan"] = ($"{plans}/review", new { approve = false, comment = "Visit the east side first" }),
                ["ReviewVisitReport"] = ($"{url}/report/review", new { approve = false, comment = "Name the project" }),
            },
            () => Host.Scoped<VisitsDbContext, string>(HostileInput.Fingerprint));
    }
}
