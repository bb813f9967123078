using System.Net.Http.Json;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Tests;

public sealed class ComplaintFromVisitTests : ComplaintsTestContext
{
    private static ComplaintRaisedOnVisit Raised(Guid customerId) => new()
    {
        OccurredAt = MondayNine, Version = 6, VisitId = Guid.NewGuid(), VisitNumber = "VS-2026-000017", CustomerId = customerId,
        Type = ComplaintType.ProductQuality, Severity = ComplaintSeverity.High, ProductLine = "Ceramic tiles",
        Description = "Cracked tiles in the last delivery", ContactPerson = "王经理", RaisedBy = "rep.east",
    };

    [Fact]
    public async Task a_complaint_from_a_visit_report_is_filed_by_channel_visit_for_the_rep_keeping_the_visit_and_routed()
    {
        var customerId = await Customer();
        var raised = Raised(customerId);

        await Host.Deliver(raised, Guid.NewGuid());

        var filed = await Host.Published<ComplaintFiled>(e => e.CustomerId == customerId);
        var complaint = await As(TestUser.RepEast).GetFromJsonAsync<ComplaintResponse>($"/api/complaints/{filed.ComplaintId}", TestJson.Options);
        Assert.Equal((ComplaintChannel.Visit, ComplaintType.ProductQuality, ComplaintSeverity.High, "rep.east", raised.VisitId),
            (complaint!.Channel, complaint.Type, complaint.Severity, complaint.RecordedBy, complaint.VisitId));
        Assert.Equal(("Cracked tiles in the last delivery", "王经理", "Ceramic tiles"), (complaint.Description, complaint.ContactPerson, complaint.ProductLine));
        Assert.Equal((ComplaintStatus.Routed, "Quality"), (complaint.Status, complaint.Department));
        Assert.Equal(MondayNine, complaint.FiledAt);
    }

    [Fact]
    public async Task the_same_visits_complaint_delivered_again_under_another_message_id_is_filed_once()
    {
        var customerId = await Customer();
        var raised = Raised(customerId);

        await Host.Deliver(raised, Guid.NewGuid());
        await Host.Deliver(raised with { EventId = Guid.NewGuid() }, Guid.NewGuid());

        Assert.Equal(1, await Host.Scoped<ComplaintsDbContext, int>(db => db.Complaints.CountAsync(c => c.VisitId == raised.VisitId)));
    }
}
