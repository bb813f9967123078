using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Geo;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Domain;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

public sealed class VisitWorkflowTests : VisitsTestContext
{
    // Along a meridian the great-circle distance is the earth's mean radius times the difference of latitude in radians.
    private static double MetersNorth(double degrees) => 6_371_008.8 * degrees * Math.PI / 180;

    [Fact]
    public async Task a_check_in_at_the_customer_is_not_flagged_even_when_the_card_is_in_gcj02_and_the_phone_in_wgs84()
    {
        var here = new GeoPoint(Latitude, Longitude);
        var onTheCard = Datums.FromWgs84(here, CoordinateDatum.Gcj02);
        var customer = await Customer(at: (onTheCard.Latitude, onTheCard.Longitude, CoordinateDatum.Gcj02));
        var visit = await Schedule(customer.CustomerId);

        var checkedIn = await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Read<VisitResponse>();

        Assert.Equal(VisitStatus.CheckedIn, checkedIn.Status);
        Assert.False(checkedIn.CheckInFlagged);
        Assert.InRange(checkedIn.CheckIn!.MetersFromCustomer!.Value, 0, 1);
        Assert.Equal((MondayNine, Latitude, Longitude, CoordinateDatum.Wgs84), (checkedIn.CheckIn.At, checkedIn.CheckIn.Latitude, checkedIn.CheckIn.Longitude, checkedIn.CheckIn.Datum));
    }

    [Fact]
    public async Task reading_gcj02_coordinates_as_wgs84_would_be_hundreds_of_metres_off()
    {
        var onTheCard = Datums.FromWgs84(new GeoPoint(Latitude, Longitude), CoordinateDatum.Gcj02);
        var customer = await Customer(at: (onTheCard.Latitude, onTheCard.Longitude, CoordinateDatum.Wgs84));
        var visit = await Schedule(customer.CustomerId);

        var checkedIn = await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Read<VisitResponse>();

        Assert.InRange(checkedIn.CheckIn!.MetersFromCustomer!.Value, 100, 700);
    }

    [Fact]
    public async Task a_check_in_two_kilometres_away_is_recorded_with_its_distance_and_flagged_not_refused()
    {
        var customer = await Customer(at: (Latitude, Longitude, CoordinateDatum.Wgs84));
        var visit = await Schedule(customer.CustomerId);

        var checkedIn = await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position(Latitude + 0.018)).Read<VisitResponse>();

        Assert.True(checkedIn.CheckInFlagged);
        Assert.Equal(MetersNorth(0.018), checkedIn.CheckIn!.MetersFromCustomer!.Value, 0.5);
        var flagged = await As(TestUser.ManagerEast).GetFromJsonAsync<Crm.BuildingBlocks.Http.PagedResult<VisitSummary>>("/api/visits?flagged=true", TestJson.Options);
        Assert.Equal([visit.Id], flagged!.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task a_customer_without_coordinates_gets_a_check_in_without_a_distance_and_no_flag()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);

        var checkedIn = await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Read<VisitResponse>();

        Assert.Null(checkedIn.CheckIn!.MetersFromCustomer);
        Assert.False(checkedIn.CheckInFlagged);
    }

    [Fact]
    public async Task a_visit_outside_any_plan_is_ad_hoc_and_numbered()
    {
        var customer = await Customer();

        var visit = await Schedule(customer.CustomerId);

        Assert.True(visit.AdHoc);
        Assert.Equal("VS-2026-000001", visit.Number);
        Assert.Equal((VisitStatus.Scheduled, Monday, "rep.east", "EAST"), (visit.Status, visit.ScheduledFor, visit.OwnerId, visit.Region));
    }

    [Fact]
    public async Task submitting_the_report_completes_the_visit_and_proposes_the_grade_to_customers()
    {
        var customer = await Customer(grade: CustomerGrade.C);
        var visit = await Reported(customer.CustomerId, CustomerGrade.B);

        var submitted = await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Read<VisitResponse>();

        Assert.Equal(ReportStatus.Submitted, submitted.ReportStatus);
        var completed = await Host.Published<VisitCompleted>(e => e.VisitId == visit.Id);
        Assert.Equal((customer.CustomerId, "rep.east", true, false), (completed.CustomerId, completed.OwnerId, completed.AdHoc, completed.CheckInFlagged));
        Assert.Equal((MondayNine, MondayNine.AddMinutes(45)), (completed.CheckedInAt, completed.CheckedOutAt));
        Assert.Equal(("Introduce the spring tile range", 4, CustomerGrade.B, new DateOnly(2026, 3, 5)),
            (completed.Purpose, completed.Satisfaction, completed.ProposedGrade, completed.NextStepDue));
        var proposal = await Host.Published<CustomerGradeProposed>(e => e.SourceId == visit.Id.ToString());
        Assert.Equal((customer.CustomerId, CustomerGrade.B, "visit", "Signed a letter of intent", "rep.east"),
            (proposal.CustomerId, proposal.ProposedGrade, proposal.Source, proposal.Reason, proposal.ProposedBy));
    }

    [Fact]
    public async Task a_returned_report_goes_back_to_the_rep_who_revises_and_resubmits_and_every_step_keeps_who_and_when()
    {
        var customer = await Customer(grade: CustomerGrade.C);
        var visit = await Reported(customer.CustomerId, CustomerGrade.B);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromHours(2));

        var returned = await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", new { approve = false, comment = "Name the school project" })
            .Read<VisitResponse>();
        Assert.Equal(ReportStatus.Returned, returned.ReportStatus);
        var returnedEvent = await Host.Published<VisitReportReviewed>(e => e.VisitId == visit.Id);
        Assert.Equal(("Returned", "manager.east", "Name the school project"), (returnedEvent.Decision, returnedEvent.ReviewedBy, returnedEvent.Comment));

        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report", Report(CustomerGrade.B, "Letter of intent for 实验小学"), TestJson.Options)
            .Expect(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromHours(1));
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromHours(1));
        var approved = await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", new { approve = true }).Read<VisitResponse>();

        Assert.Equal(ReportStatus.Approved, approved.ReportStatus);
        var start = MondayNine.AddMinutes(45);
        Assert.Equal(
        [
            (ReviewAction.Submitted, "rep.east", start, null),
            (ReviewAction.Returned, "manager.east", start.AddHours(2), "Name the school project"),
            (ReviewAction.Resubmitted, "rep.east", start.AddHours(3), null),
            (ReviewAction.Approved, "manager.east", start.AddHours(4), null),
        ], approved.Reviews.Select(r => (r.Action, r.By, r.At, r.Comment)));
        Assert.Single(Host.PublishedSoFar<VisitCompleted>(), e => e.VisitId == visit.Id);
        Assert.Single(Host.PublishedSoFar<CustomerGradeProposed>(), e => e.SourceId == visit.Id.ToString());
        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report", Report(), TestJson.Options).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_resubmission_that_changes_the_proposed_grade_proposes_again()
    {
        var customer = await Customer(grade: CustomerGrade.C);
        var visit = await Reported(customer.CustomerId, CustomerGrade.B);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", new { approve = false, comment = "B is too early" }).Expect(HttpStatusCode.OK);
        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report", Report(CustomerGrade.D, "Lost the school project"), TestJson.Options)
            .Expect(HttpStatusCode.OK);

        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);

        await Host.Published<CustomerGradeProposed>(e => e.SourceId == visit.Id.ToString() && e.ProposedGrade == CustomerGrade.D);
        Assert.Equal([CustomerGrade.B, CustomerGrade.D],
            Host.PublishedSoFar<CustomerGradeProposed>().Where(e => e.SourceId == visit.Id.ToString()).Select(e => e.ProposedGrade));
    }

    [Fact]
    public async Task a_complaint_in_the_report_is_filed_into_complaints_once_keeping_the_visit()
    {
        var customer = await Customer();
        var visit = await Reported(customer.CustomerId);
        var withComplaint = new
        {
            purpose = "Quarterly review", satisfaction = 2,
            complaint = new { type = "Delivery", severity = "High", productLine = "Ceramic tiles", description = "Two deliveries a week late", contactPerson = "王经理" },
        };
        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report", withComplaint, TestJson.Options).Expect(HttpStatusCode.OK);

        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", new { approve = false, comment = "Add the order numbers" }).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);

        var raised = await Host.Published<ComplaintRaisedOnVisit>(e => e.VisitId == visit.Id);
        Assert.Equal((customer.CustomerId, ComplaintType.Delivery, ComplaintSeverity.High, "Ceramic tiles", "Two deliveries a week late", "王经理", "rep.east", visit.Number),
            (raised.CustomerId, raised.Type, raised.Severity, raised.ProductLine, raised.Description, raised.ContactPerson, raised.RaisedBy, raised.VisitNumber));
        await Host.Published<VisitReportReviewed>(e => e.VisitId == visit.Id);
        Assert.Single(Host.PublishedSoFar<ComplaintRaisedOnVisit>(), e => e.VisitId == visit.Id);
    }

    [Fact]
    public async Task a_rep_proposes_to_deregister_an_invalid_customer_once_from_the_report()
    {
        var customer = await Customer();
        var visit = await Reported(customer.CustomerId);
        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report",
            new { purpose = "Quarterly review", satisfaction = 1, proposeDeregistration = "The shop has closed for good" }, TestJson.Options).Expect(HttpStatusCode.OK);

        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", new { approve = false, comment = "Add a photo reference" }).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);

        var proposed = await Host.Published<CustomerDeregistrationProposed>(e => e.SourceId == visit.Id.ToString());
        Assert.Equal((customer.CustomerId, "visit", "The shop has closed for good", "rep.east"), (proposed.CustomerId, proposed.Source, proposed.Reason, proposed.ProposedBy));
        await Host.Published<VisitReportReviewed>(e => e.VisitId == visit.Id);
        Assert.Single(Host.PublishedSoFar<CustomerDeregistrationProposed>(), e => e.SourceId == visit.Id.ToString());
    }

    [Fact]
    public async Task steps_out_of_order_are_409_and_change_nothing()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);
        var url = $"/api/visits/{visit.Id}";

        await Post(TestUser.RepEast, $"{url}/check-out", Position()).Expect(HttpStatusCode.Conflict);
        await Post(TestUser.RepEast, $"{url}/report/submit", new { }).Expect(HttpStatusCode.Conflict);
        await Post(TestUser.RepEast, $"{url}/check-in", Position()).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"{url}/check-in", Position()).Expect(HttpStatusCode.Conflict);
        await Post(TestUser.RepEast, $"{url}/cancel", new { reason = "Customer closed" }).Expect(HttpStatusCode.Conflict);
        await As(TestUser.RepEast).PutAsJsonAsync($"{url}/report", Report(), TestJson.Options).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"{url}/report/submit", new { }).Expect(HttpStatusCode.Conflict);
        await Post(TestUser.ManagerEast, $"{url}/report/review", new { approve = true }).Expect(HttpStatusCode.Conflict);

        var stored = await As(TestUser.RepEast).GetFromJsonAsync<VisitResponse>(url, TestJson.Options);
        Assert.Equal((VisitStatus.CheckedIn, ReportStatus.Draft, 3L), (stored!.Status, stored.ReportStatus, stored.Version));
        Assert.Empty(Host.PublishedSoFar<VisitCompleted>());
    }

    [Fact]
    public async Task a_cancelled_visit_keeps_its_reason_and_takes_no_check_in()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);

        var cancelled = await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/cancel", new { reason = "Customer closed for inventory" }).Read<VisitResponse>();

        Assert.Equal((VisitStatus.Cancelled, "Customer closed for inventory"), (cancelled.Status, cancelled.CancellationReason));
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_stale_if_match_is_a_409()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/visits/{visit.Id}/check-in") { Content = JsonContent.Create(Position(), options: TestJson.Options) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"7\""));

        await As(TestUser.RepEast).SendAsync(request).Expect(HttpStatusCode.Conflict);

        var stored = await As(TestUser.RepEast).GetFromJsonAsync<VisitResponse>($"/api/visits/{visit.Id}", TestJson.Options);
        Assert.Equal(VisitStatus.Scheduled, stored!.Status);
    }
}
