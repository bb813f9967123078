using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Hospitality.Tests;

/// <summary>
/// The printed permit and badges, read back as the front desk reads them and scanned as the gate scans them. The times
/// printed are Beijing time: the visit of <see cref="HospitalityTestContext.TuesdayTen"/> is 10:00 to 12:00 there.
/// </summary>
public sealed class PrintedPermitTests : HospitalityTestContext
{
    private static readonly TestUser FrontDesk = new("frontdesk", Roles.FrontDesk, []);

    private static readonly string Window =
        $"{TuesdayTen.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}–{TuesdayTen.AddHours(2).ToOffset(TimeSpan.FromHours(8)):HH:mm} (UTC+08:00)";

    private async Task<PrintedPdf> Printed(TestUser user, Guid id, string document)
    {
        var response = await As(user).GetAsync($"/api/hospitality/applications/{id}/{document}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return new PrintedPdf(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task the_permit_prints_in_chinese_with_its_visitors_the_beijing_time_and_a_qr_code_the_gate_accepts()
    {
        var approved = await Approved(CustomerTier.Key, CustomerGrade.A);

        using var permit = await Printed(TestUser.RepEast, approved.Id, "permit.pdf");

        var page = Assert.Single(permit.Pages);
        foreach (var expected in new[]
                 {
                     "客户参观许可证", $"No. {approved.PermitNumber}", approved.CustomerName, Window, approved.Number, "host.marketing",
                     "贵宾接待室", "咖啡、糕点、水果", Roles.Chairman, "王总", "总经理", "李工", "采购", "重要来宾", "禁止拍照",
                 })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        var scanned = permit.QrCode(1);
        Assert.Equal(approved.PermitCode, scanned);
        At(TuesdayTen.AddMinutes(-10));
        var check = await As(FrontDesk).GetFromJsonAsync<PermitCheckResponse>($"/api/hospitality/gate/{scanned}", TestJson.Options);
        Assert.True(check!.Valid);
        Assert.Equal(approved.PermitNumber, check.PermitNumber);
    }

    [Fact]
    public async Task each_visitor_named_on_the_permit_gets_a_badge_with_their_name_and_the_permits_qr_code()
    {
        var approved = await Approved();

        using var badges = await Printed(FrontDesk, approved.Id, "badges.pdf");

        Assert.Equal(2, badges.Pages.Count);
        Assert.Contains("王总", badges.Pages[0], StringComparison.Ordinal);
        Assert.Contains("重要来宾", badges.Pages[0], StringComparison.Ordinal);
        Assert.Contains("李工", badges.Pages[1], StringComparison.Ordinal);
        Assert.DoesNotContain("重要来宾", badges.Pages[1], StringComparison.Ordinal);
        Assert.DoesNotContain("王总", badges.Pages[1], StringComparison.Ordinal);
        Assert.All(badges.Pages, page =>
        {
            Assert.Contains(approved.CustomerName, string.Join(' ', page.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Contains(Window, page, StringComparison.Ordinal);
        });
        Assert.Equal([approved.PermitCode!, approved.PermitCode!], [badges.QrCode(1), badges.QrCode(2)]);
    }

    [Fact]
    public async Task a_permit_is_printed_only_once_issued_and_never_once_revoked()
    {
        var customer = await Customer();
        var waiting = await Apply(customer, Visit(TuesdayTen));
        var approved = await Approved();

        var pending = await As(TestUser.RepEast).GetAsync($"/api/hospitality/applications/{waiting.Id}/permit.pdf");
        Assert.Contains("a permit is printed once the visit is approved", (await pending.ReadProblem(HttpStatusCode.Conflict)).Detail);

        await As(TestUser.ManagerEast).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/revoke", new { reason = "Plant inspection today" }, TestJson.Options)
            .Expect(HttpStatusCode.OK);
        foreach (var document in new[] { "permit.pdf", "badges.pdf" })
        {
            var revoked = await As(FrontDesk).GetAsync($"/api/hospitality/applications/{approved.Id}/{document}");
            Assert.Contains("revoked (Plant inspection today)", (await revoked.ReadProblem(HttpStatusCode.Conflict)).Detail);
        }
    }

    [Fact]
    public async Task who_sees_the_visit_its_host_and_the_front_desk_print_it_and_nobody_else_learns_it_exists()
    {
        var approved = await Approved();
        var host = new TestUser("host.marketing", Roles.SalesRep, ["NORTH"]);

        foreach (var user in new[] { TestUser.RepEast, TestUser.ManagerEast, TestUser.MarketingGM, FrontDesk, host })
        {
            await As(user).GetAsync($"/api/hospitality/applications/{approved.Id}/permit.pdf").Expect(HttpStatusCode.OK);
        }

        foreach (var user in new[] { TestUser.RepEast2, TestUser.RepNorth, TestUser.DirectorNorth })
        {
            await As(user).GetAsync($"/api/hospitality/applications/{approved.Id}/badges.pdf").Expect(HttpStatusCode.NotFound);
        }

        await As(TestUser.RepEast).GetAsync($"/api/hospitality/applications/{Guid.NewGuid()}/permit.pdf").Expect(HttpStatusCode.NotFound);
    }
}

/// <summary>A host without any font for Chinese text says so and what to install, instead of printing boxes or failing.</summary>
public sealed class PrintingWithoutAChineseFontTests : HospitalityTestContext
{
    private const string Missing = "/nonexistent/fonts/NoSuchFont.ttf";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hospitality:ChineseFonts:0"] = Missing };

    [Fact]
    public async Task printing_answers_503_with_retry_after_naming_the_fonts_it_looked_for()
    {
        var approved = await Approved();

        var response = await As(TestUser.RepEast).GetAsync($"/api/hospitality/applications/{approved.Id}/permit.pdf");

        var problem = await response.ReadProblem(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains(Missing, problem.Detail);
        Assert.Contains("fonts-droid-fallback", problem.Detail);
    }
}
