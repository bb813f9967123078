using Crm.BuildingBlocks.Security;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

/// <summary>
/// The complaint reports count only what the caller may see: a branch manager their regions, a sales rep the
/// complaints of their own customers, a department handler their department's queue in their regions.
/// </summary>
public sealed class ReportScopingTests : ComplaintsTestContext
{
    private static readonly TestUser LogisticsHandlerEast = new("handler.logistics.east", Roles.DepartmentHandler, ["EAST"], "Logistics");

    /// <summary>One complaint the test files: whose customer, where it goes by the default routing rules, and whether it gets resolved.</summary>
    private sealed record Filed(string Region, string Owner, Guid CustomerId, string Department, bool Resolved);

    /// <summary>
    /// Complaints in two regions (EAST, NORTH), from the customers of three reps (two in EAST), in two departments
    /// (product quality goes to Quality, delivery to Logistics), some of them resolved.
    /// </summary>
    private async Task<List<Filed>> FileComplaints()
    {
        var owners = new[] { ("EAST", "rep.east", TestUser.RepEast), ("EAST", "rep.east2", TestUser.RepEast2), ("NORTH", "rep.north", TestUser.RepNorth) };
        // (owner, type, how many, how many of them resolved)
        var plan = new (int Owner, ComplaintType Type, int Count, int Resolved)[]
        {
            (0, ComplaintType.ProductQuality, 3, 1),
            (0, ComplaintType.Delivery, 1, 0),
            (1, ComplaintType.ProductQuality, 1, 0),
            (1, ComplaintType.Delivery, 2, 1),
            (2, ComplaintType.ProductQuality, 2, 1),
            (2, ComplaintType.Delivery, 4, 2),
        };
        var customers = new Dictionary<int, Guid>();
        for (var o = 0; o < owners.Length; o++)
        {
            customers[o] = await Customer(owners[o].Item1, owners[o].Item2);
        }

        var filed = new List<Filed>();
        foreach (var (owner, type, count, resolved) in plan)
        {
            var (region, ownerId, rep) = owners[owner];
            var department = type == ComplaintType.ProductQuality ? "Quality" : "Logistics";
            for (var i = 0; i < count; i++)
            {
                var complaint = await File(customers[owner], type, by: rep);
                Assert.Equal(department, complaint.Department);
                var resolve = i < resolved;
                if (resolve)
                {
                    await Post(TestUser.Supervisor, complaint.Id, "start").Read<ComplaintResponse>();
                    await Post(TestUser.Supervisor, complaint.Id, "resolve", new { rootCause = "Checked", fix = "Fixed" }).Read<ComplaintResponse>();
                }

                filed.Add(new Filed(region, ownerId, customers[owner], department, resolve));
            }
        }

        return filed;
    }

    public static TheoryData<string> Callers() => ["manager.east", "rep.east", "rep.north", "handler.quality", "handler.logistics.east"];

    /// <summary>The caller, and which of the filed complaints they may see by the rule, from the caller's role, regions and department.</summary>
    private static (TestUser User, Func<Filed, bool> Sees) Caller(string id)
    {
        var user = id switch
        {
            "manager.east" => TestUser.ManagerEast,
            "rep.east" => TestUser.RepEast,
            "rep.north" => TestUser.RepNorth,
            "handler.quality" => TestUser.QualityHandler,
            "handler.logistics.east" => LogisticsHandlerEast,
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
        Func<Filed, bool> sees = user.Role switch
        {
            Roles.BranchManager => f => user.Regions.Contains(f.Region),
            Roles.SalesRep => f => f.Owner == user.Id,
            Roles.DepartmentHandler => f => f.Department == user.Department && user.Regions.Contains(f.Region),
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
        return (user, sees);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_report_counts_only_the_complaints_the_caller_may_see(string callerId)
    {
        var filed = await FileComplaints();
        Advance(TimeSpan.FromHours(1));
        var (user, sees) = Caller(callerId);
        var visible = filed.Where(sees).ToList();
        Assert.NotEmpty(visible);
        Assert.True(visible.Count < filed.Count);

        var open = await As(user).GetAsync("/api/complaints/reports/open").Read<List<OpenComplaintsRow>>();
        var expectedOpen = visible.Where(f => !f.Resolved).GroupBy(f => f.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, ComplaintStatus.Routed, g.Count()));
        Assert.Equal(expectedOpen, open.Select(r => (r.Department!, r.Status, r.Count)));

        var compliance = await As(user).GetAsync("/api/complaints/reports/sla-compliance").Read<List<SlaComplianceRow>>();
        var expectedResolved = visible.Where(f => f.Resolved).GroupBy(f => f.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count())); // resolved an hour after filing: all within the SLA
        Assert.Equal(expectedResolved, compliance.Select(r => (r.Department!, r.Resolved, r.ResolvedWithinSla)));

        var times = await As(user).GetAsync("/api/complaints/reports/resolution-times").Read<List<ResolutionTimeRow>>();
        Assert.Equal(
            expectedResolved.Select(r => ((string?)r.Key, r.Item2)).Append((null, visible.Count(f => f.Resolved))),
            times.Select(r => (r.Department, r.Resolved)));

        var repeats = await As(user).GetAsync("/api/complaints/reports/repeat-complaints").Read<List<RepeatComplaintsRow>>();
        var expectedRepeats = visible.GroupBy(f => f.CustomerId).Where(g => g.Count() >= 2)
            .Select(g => (g.Key, g.Count())).OrderBy(r => r.Key);
        Assert.Equal(expectedRepeats, repeats.Select(r => (r.CustomerId, r.Complaints)).OrderBy(r => r.CustomerId));
    }

    [Fact]
    public async Task The_supervisor_counts_every_complaint()
    {
        var filed = await FileComplaints();

        var open = await As(TestUser.Supervisor).GetAsync("/api/complaints/reports/open").Read<List<OpenComplaintsRow>>();

        Assert.Equal(filed.Count(f => !f.Resolved), open.Sum(r => r.Count));
    }
}
