using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Features;
using Crm.Testing;

namespace Crm.Complaints.Tests;

/// <summary>
/// Departments and business calendars carry a version (in the list's body) and answer it as the ETag of a PUT; a PUT
/// with If-Match naming an older version than the stored one is a 409 and leaves the stored entry as the other
/// supervisor wrote it.
/// </summary>
public sealed class ConfigurationIfMatchTests : ComplaintsTestContext
{
    private static readonly TestUser Admin = new("admin", Roles.Admin, []);

    private static HttpRequestMessage Put(string url, object body, long ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: TestJson.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(ifMatch));
        return request;
    }

    private async Task<DepartmentResponse> Department(string code) =>
        (await As(TestUser.Supervisor).GetAsync("/api/complaints/departments").Read<List<DepartmentResponse>>()).Single(d => d.Code == code);

    private async Task<CalendarResponse> Calendar(string code) =>
        (await As(TestUser.Supervisor).GetAsync("/api/complaints/calendars").Read<List<CalendarResponse>>()).Single(c => c.Code == code);

    private static object Body(CalendarResponse c, string name, IEnumerable<object>? workingPeriods = null) => new
    {
        name, c.TimeZoneId, c.IsDefault, c.Regions, c.WorkingDays, workingPeriods = workingPeriods ?? c.WorkingPeriods.Cast<object>(), c.Exceptions,
    };

    [Fact]
    public async Task A_department_change_based_on_a_version_changed_since_gets_409_and_the_stored_department_stays()
    {
        var seen = await Department("Quality");

        var theirs = await As(Admin).SendAsync(Put("/api/complaints/departments/Quality", new { name = "Quality department", headUserId = "zhou.head" }, seen.Version));
        var mine = await As(TestUser.Supervisor).SendAsync(Put("/api/complaints/departments/Quality", new { name = "Quality control", headUserId = "li.head" }, seen.Version));

        Assert.Equal(new DepartmentResponse("Quality", "Quality department", "zhou.head", seen.Version + 1), await theirs.Read<DepartmentResponse>());
        Assert.Equal(Versioning.ETag(seen.Version + 1), theirs.Headers.ETag?.Tag);
        await mine.ReadProblem(HttpStatusCode.Conflict);
        Assert.Equal(new DepartmentResponse("Quality", "Quality department", "zhou.head", seen.Version + 1), await Department("Quality"));
    }

    [Fact]
    public async Task A_calendar_change_based_on_a_version_changed_since_gets_409_and_the_stored_calendar_stays()
    {
        var seen = await Calendar("CN");

        var theirs = await As(Admin).SendAsync(Put("/api/complaints/calendars/CN", Body(seen, "China, Beijing time"), seen.Version));
        var mine = await As(TestUser.Supervisor).SendAsync(Put("/api/complaints/calendars/CN",
            Body(seen, "China, long hours", [new { start = "08:00", end = "20:00" }]), seen.Version));

        var written = await theirs.Read<CalendarResponse>();
        Assert.Equal(("China, Beijing time", seen.Version + 1), (written.Name, written.Version));
        Assert.Equal(Versioning.ETag(seen.Version + 1), theirs.Headers.ETag?.Tag);
        await mine.ReadProblem(HttpStatusCode.Conflict);
        var stored = await Calendar("CN");
        Assert.Equal(("China, Beijing time", seen.Version + 1), (stored.Name, stored.Version));
        Assert.Equal(seen.WorkingPeriods, stored.WorkingPeriods);
        Assert.Equal(seen.Exceptions, stored.Exceptions);
    }
}
