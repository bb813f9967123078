using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Crm.IntegrationEvents;
using MassTransit;

namespace Crm.Platform.Tests;

/// <summary>The Customers service through the gateway, on PostgreSQL, with its events crossing RabbitMQ.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CustomersPlatformTests(PlatformFixture fixture)
{
    /// <summary>A region of this test's own, so that counts are exactly what the test put there.</summary>
    private readonly string region = $"PT{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private static string Csv(params string[] rows) =>
        "code,name,kind,region,territory,address,latitude,longitude,phone,ownerId,tier,grade\n" + string.Join('\n', rows);

    private static async Task<JsonObject> Import(HttpClient client, string csv)
    {
        var response = await client.PostAsync("/api/customers/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.Json(response);
    }

    private static int Number(JsonObject body, string property) => body[property]!.GetValue<int>();

    [Fact]
    public async Task A_CSV_import_lands_good_rows_reports_bad_ones_is_idempotent_and_reaches_the_other_services()
    {
        using var supervisor = await fixture.Platform.ClientAsync("supervisor");
        var csv = Csv(
            $"{region}-1,平台测试经销商一,Dealer,{region},,上海市浦东新区,31.2,121.5,021-5080 1234,rep.east,Key,B",
            $"{region}-2,平台测试经销商二,Retailer,{region},,,,,,rep.east,Ordinary,D",
            $"{region}-3,Bad row,Retailer,{region},,,,,,rep.east,Ordinary,Z");

        var first = await Import(supervisor, csv);
        var again = await Import(supervisor, csv);

        Assert.Equal((2, 1), (Number(first, "created"), Number(first, "rejected")));
        Assert.Equal((0, 2, 1), (Number(again, "created"), Number(again, "unchanged"), Number(again, "rejected")));
        var bad = first["results"]!.AsArray().Single(r => r!["row"]!.GetValue<int>() == 4)!.AsObject();
        Assert.Equal("Rejected", bad.Text("outcome"));
        Assert.NotNull(bad["errors"]!["grade"]);

        var found = await Api.Json(await supervisor.GetAsync($"/api/customers?q={region}-1"));
        var id = found["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var snapshot = await Api.Eventually(supervisor, $"/api/visits/customers/{id}", _ => true, "the imported customer in Visits");
        Assert.Equal(("B", region), (snapshot.Text("grade"), snapshot.Text("region")));
    }

    [Fact]
    public async Task The_funnel_and_the_plan_count_a_regions_customers_and_turn_the_documents_target_into_50_A_customers()
    {
        using var supervisor = await fixture.Platform.ClientAsync("supervisor");
        await Import(supervisor, Csv(
            $"{region}-A,Funnel A,Dealer,{region},,,,,,rep.east,Key,A",
            $"{region}-B,Funnel B,Dealer,{region},,,,,,rep.east,Key,B",
            $"{region}-E1,Funnel E1,Dealer,{region},,,,,,rep.east,Ordinary,E",
            $"{region}-E2,Funnel E2,Dealer,{region},,,,,,rep.east,Ordinary,E"));

        var funnel = await Api.Json(await supervisor.GetAsync($"/api/customers/funnel?region={region}"));
        var row = funnel["rows"]![0]!.AsObject();
        Assert.Equal((1, 1, 0, 0, 2), (Number(row, "a"), Number(row, "b"), Number(row, "c"), Number(row, "d"), Number(row, "e")));

        var plan = await Api.Json(await supervisor.GetAsync(
            $"/api/customers/funnel/plan?salesTarget=10000000&averageOrderSize=200000&region={region}&rateBtoA=0.5&rateCtoB=0.5&rateDtoC=0.5&rateEtoD=0.5"));
        var a = plan["steps"]![0]!.AsObject();
        Assert.Equal(("A", 50, 1, 49), (a.Text("grade"), a["needed"]!.GetValue<int>(), Number(a, "current"), a["shortfall"]!.GetValue<int>()));
        Assert.Equal(100, plan["steps"]![1]!["needed"]!.GetValue<int>());

        // Two moves up: E1 to D and B to A. Each customer's grades within the default period (the last 365 days, which
        // holds all of this test's history), in order; the rates are worked out from these by the rule, below.
        var listed = await Api.Json(await supervisor.GetAsync($"/api/customers?region={region}&pageSize=200"));
        var idOf = listed["items"]!.AsArray().ToDictionary(c => c!.AsObject().Text("code"), c => c!.AsObject().Text("id"));
        foreach (var (code, grade) in new[] { ($"{region}-E1", "D"), ($"{region}-B", "A") })
        {
            var moved = await supervisor.PostAsJsonAsync($"/api/customers/{idOf[code]}/grade", new { grade, reason = "Moved up in the platform test" });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        string[][] paths = [["A"], ["B", "A"], ["E", "D"], ["E"]];
        var conversions = await supervisor.GetAsync($"/api/customers/funnel/conversions?region={region}");
        Assert.Equal(HttpStatusCode.OK, conversions.StatusCode);
        var rates = (await Api.Json(conversions))["rates"]!.AsArray().ToDictionary(r => r!.AsObject().Text("stage"), r => r!.AsObject());
        foreach (var (from, to, exactly) in new[] { ("E", "D", false), ("D", "C", false), ("C", "B", false), ("B", "A", false), ("E", "A", true) })
        {
            var (cohort, converted, rate) = Conversion(paths, from, to, exactly);
            var measured = rates[$"{from}→{to}"];
            Assert.Equal((cohort, converted, rate), (Number(measured, "cohort"), Number(measured, "converted"), measured["rate"]?.GetValue<decimal>()));
        }

        // Worked out by hand as well, so that the rule's reading above is checked too: E→D 1 of 2, D→C 0 of 1, no one at C,
        // B→A 1 of 1, E→A 0 of 2.
        Assert.Equal((2, 1, 0.5m), Conversion(paths, "E", "D", false));
        Assert.Equal((1, 0, 0m), Conversion(paths, "D", "C", false));
        Assert.Equal((0, 0, (decimal?)null), Conversion(paths, "C", "B", false));
        Assert.Equal((1, 1, 1m), Conversion(paths, "B", "A", false));
        Assert.Equal((2, 0, 0m), Conversion(paths, "E", "A", true));
    }

    /// <summary>
    /// The conversion rule (Funnel.ConversionDefinition) over each customer's grades in the period, oldest first: the
    /// cohort of X→Y is those that were at X; converted, those that after their first time at X reached Y or a more
    /// mature grade (only Y itself when <paramref name="exactly"/>, as for E→A); the rate, converted ÷ cohort.
    /// </summary>
    private static (int Cohort, int Converted, decimal? Rate) Conversion(string[][] paths, string from, string to, bool exactly)
    {
        const string maturity = "EDCBA";
        var cohort = paths.Where(p => p.Contains(from)).ToList();
        var converted = cohort.Count(p => p.Skip(Array.IndexOf(p, from) + 1)
            .Any(g => exactly ? g == to : maturity.IndexOf(g, StringComparison.Ordinal) >= maturity.IndexOf(to, StringComparison.Ordinal)));
        return (cohort.Count, converted, cohort.Count == 0 ? null : Math.Round((decimal)converted / cohort.Count, 4));
    }

    [Fact]
    public async Task Reads_of_contact_details_and_changes_are_in_the_audit_log_that_only_the_supervisor_reads()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        using var supervisor = await fixture.Platform.ClientAsync("supervisor");
        var id = (await Api.RegisterCustomer(rep, "EAST")).Text("id");
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/customers/{id}/grade", new { grade = "D", reason = "First contact" })).StatusCode);

        var audit = await Api.Json(await supervisor.GetAsync($"/api/customers/audit?subjectId={id}"));
        var actions = audit["items"]!.AsArray().Select(e => (e!["action"]!.GetValue<string>(), e["userId"]!.GetValue<string>())).ToList();
        Assert.Contains(("ReadContactDetails", "rep.east"), actions);
        Assert.Contains(("GradeChanged", "rep.east"), actions);
        Assert.Contains(("Registered", "rep.east"), actions);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/customers/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/customers/export")).StatusCode);
    }

    [Fact]
    public async Task A_grade_proposed_over_RabbitMQ_waits_for_the_owner_and_complaint_events_build_the_service_history()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        var id = Guid.Parse((await Api.RegisterCustomer(rep, "EAST")).Text("id"));
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(fixture.Platform.RabbitMqUrl));
        await bus.StartAsync();
        try
        {
            await bus.Publish(new CustomerGradeProposed
            {
                OccurredAt = DateTimeOffset.UtcNow, Version = 1, CustomerId = id, ProposedGrade = CustomerGrade.C, Source = "visit",
                SourceId = "visit-platform-1", Reason = "Stable contact and a clear intention", ProposedBy = "rep.east",
            });
            await bus.Publish(new ComplaintFiled
            {
                OccurredAt = DateTimeOffset.UtcNow, Version = 1, ComplaintId = Guid.NewGuid(), Number = "CP-PT-000001", CustomerId = id, Region = "EAST",
                Type = ComplaintType.Delivery, Severity = ComplaintSeverity.Medium, Channel = ComplaintChannel.Phone, RecordedBy = "service.desk",
            });

            var pending = await Testing.Eventually.Get(async () =>
            {
                var list = System.Text.Json.Nodes.JsonNode.Parse(await rep.GetStringAsync($"/api/customers/{id}/grade-proposals?status=Pending"))!.AsArray();
                return list.Count == 1 ? list[0]!.AsObject() : null;
            }, TimeSpan.FromSeconds(30), "the pending proposal");
            var confirmed = await rep.PostAsJsonAsync($"/api/customers/{id}/grade-proposals/{pending.Text("id")}/confirm", new { note = "Seen it myself" });
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            await Api.Eventually(rep, $"/api/visits/customers/{id}", c => c.Text("grade") == "C", "grade C in Visits");

            var history = await Api.Eventually(rep, $"/api/customers/{id}/service-history", h => h["complaints"]!.AsArray().Count == 1, "the complaint in the service history");
            Assert.Equal("CP-PT-000001", history["complaints"]![0]!.AsObject().Text("number"));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
