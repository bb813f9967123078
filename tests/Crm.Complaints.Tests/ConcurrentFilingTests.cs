using System.Net;
using Crm.BuildingBlocks.Http;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

/// <summary>Complaint numbers when many complaints are filed at once through the API.</summary>
public sealed class ConcurrentFilingTests : ComplaintsTestContext
{
    [Fact]
    public async Task A_hundred_complaints_filed_at_once_get_numbers_1_to_100_of_the_year_with_no_gap_and_no_duplicate()
    {
        const int complaints = 100;
        var customer = await Customer();

        var responses = await Task.WhenAll(Enumerable.Range(0, complaints).Select(i => Task.Run(() => FileRaw(TestUser.RepEast, new
        {
            customerId = customer, channel = ComplaintChannel.Hotline, type = ComplaintType.Delivery, severity = ComplaintSeverity.Low,
            description = $"Complaint {i}", contactPerson = "王经理",
        }))));
        var filed = new List<ComplaintResponse>();
        foreach (var response in responses)
        {
            filed.Add(await response.Read<ComplaintResponse>(HttpStatusCode.Created));
        }

        // The rule: CP-<year filed>-<running number of the year, six digits>, starting at 1.
        var year = MondayNine.Year;
        var expected = Enumerable.Range(1, complaints).Select(n => $"CP-{year}-{n:D6}");
        Assert.Equal(expected, filed.Select(c => c.Number).Order(StringComparer.Ordinal));
        Assert.Equal(complaints, filed.Select(c => c.Id).Distinct().Count());

        // What the list shows afterwards is the same set of numbers.
        var listed = await As(TestUser.Supervisor).GetAsync("/api/complaints?pageSize=200").Read<PagedResult<ComplaintResponse>>();
        Assert.Equal(expected, listed.Items.Select(c => c.Number).Order(StringComparer.Ordinal));
    }
}
