using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class ImportExportTests : CustomersHostTests
{
    private const string Header = "code,name,kind,region,territory,address,latitude,longitude,phone,ownerId,tier,grade,lastVerifiedAt";

    private static readonly string GoodFile = string.Join('\n',
        Header,
        "IMP-001,华东建材经销有限公司,Dealer,EAST,浦东,\"上海市浦东新区张江路 88 号, 3 楼\",31.2035,121.5914,+86 21 5080 1234,rep.east,Key,C,2026-10-01",
        "IMP-002,苏州恒达二批商行,SecondaryWholesaler,EAST,,苏州市姑苏区人民路 120 号,,,0512-6523 1188,rep.east2,Ordinary,,",
        "IMP-003,Bad kind,Wholesaler,EAST,,,,,,rep.east,Ordinary,,",
        "IMP-004,,Retailer,EAST,,,95,,,rep.east,Ordinary,F,",
        "IMP-001,Same code twice,Dealer,EAST,,,,,,rep.east,Ordinary,,",
        "IMP-005,天津海河二批市场,SecondaryWholesaler,NORTH,,天津市河西区友谊路 18 号,,,,rep.north,Ordinary,E,");

    private Task<HttpResponseMessage> Import(string csv, TestUser? user = null) =>
        Host.Client(user ?? TestUser.Supervisor).PostAsync("/api/customers/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task an_import_lands_the_good_rows_and_reports_each_bad_row_with_its_fields()
    {
        var report = await Import(GoodFile).Read<ImportReport>();

        Assert.Equal((6, 3, 0, 0, 3), (report.Rows, report.Created, report.Updated, report.Unchanged, report.Rejected));
        var byRow = report.Results.ToDictionary(r => r.Row);
        Assert.Equal(ImportOutcome.Created, byRow[2].Outcome);
        Assert.Equal(["kind"], byRow[4].Errors!.Keys);
        Assert.Equal(["grade", "latitude", "longitude", "name"], byRow[5].Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("row 2", byRow[6].Errors!["code"][0], StringComparison.Ordinal);
        Assert.Equal(3, await CustomerRows());
        var card = (await Host.Client(TestUser.Supervisor).GetAsync("/api/customers?q=IMP-001").Read<PagedResult<CustomerResponse>>()).Items.Single();
        var full = await Get(TestUser.RepEast, card.Id);
        Assert.Equal(("上海市浦东新区张江路 88 号, 3 楼", CustomerGrade.C, "+86 21 5080 1234", 31.2035), (full.Address, full.Grade, full.Phone, full.Latitude!.Value));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), full.LastVerifiedAt);
        Assert.Equal(3, await OutboxRows<CustomerRegistered>());
    }

    [Fact]
    public async Task re_running_the_same_file_changes_nothing()
    {
        await Import(GoodFile).Read<ImportReport>();
        var events = await OutboxRows<CustomerRegistered>() + await OutboxRows<CustomerUpdated>();

        var again = await Import(GoodFile).Read<ImportReport>();

        Assert.Equal((0, 0, 3, 3), (again.Created, again.Updated, again.Unchanged, again.Rejected));
        Assert.Equal(3, await CustomerRows());
        Assert.Equal(events, await OutboxRows<CustomerRegistered>() + await OutboxRows<CustomerUpdated>());
    }

    [Fact]
    public async Task a_row_whose_code_exists_updates_that_card_and_its_grade()
    {
        await Import(GoodFile).Read<ImportReport>();

        var report = await Import(Header + "\nIMP-002,苏州恒达批发,SecondaryWholesaler,EAST,姑苏,苏州市姑苏区人民路 120 号,,,0512-6523 1188,rep.east2,Key,B,").Read<ImportReport>();

        Assert.Equal(ImportOutcome.Updated, Assert.Single(report.Results).Outcome);
        var card = (await Host.Client(TestUser.Supervisor).GetAsync("/api/customers?q=IMP-002").Read<PagedResult<CustomerResponse>>()).Items.Single();
        Assert.Equal(("苏州恒达批发", "姑苏", CustomerTier.Key, CustomerGrade.B), (card.Name, card.Territory, card.Tier, card.Grade));
        var history = await History(TestUser.Supervisor, card.Id);
        Assert.Contains("CSV", history[^1].Reason, StringComparison.Ordinal);
        var updated = await Host.Published<CustomerUpdated>(e => e.CustomerId == card.Id);
        Assert.Equal(["name", "territory", "tier"], updated.ChangedFields);
    }

    [Fact]
    public async Task an_import_accepts_a_multipart_file_too()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(GoodFile));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");

        var report = await Host.Client(TestUser.Supervisor).PostAsync("/api/customers/import", form).Read<ImportReport>();

        Assert.Equal(3, report.Created);
    }

    [Fact]
    public async Task a_file_without_the_required_columns_is_a_bad_request_and_imports_nothing()
    {
        var problem = await Import("code,name\nX-1,Only two columns").ReadValidationProblem("file");

        Assert.Contains("kind", problem["file"][0], StringComparison.Ordinal);
        Assert.Equal(0, await CustomerRows());
    }

    [Fact]
    public async Task an_export_is_csv_of_the_filtered_customers_and_importing_it_back_changes_nothing()
    {
        await Import(GoodFile).Read<ImportReport>();

        var export = await Host.Client(TestUser.Supervisor).GetAsync("/api/customers/export?region=EAST");
        var csv = await export.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("code,name,kind,region,territory,address,latitude,longitude,datum,phone,ownerId,tier,grade,lastVerifiedAt", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"上海市浦东新区张江路 88 号, 3 楼\"", lines[1], StringComparison.Ordinal);
        var back = await Import(csv).Read<ImportReport>();
        Assert.Equal((2, 2), (back.Rows, back.Unchanged));
        var audit = await Host.Client(TestUser.Supervisor).GetAsync("/api/customers/audit?action=Exported").Read<PagedResult<AuditEntryResponse>>();
        Assert.Contains("\"count\":2", Assert.Single(audit.Items).Details, StringComparison.Ordinal);
    }
}
