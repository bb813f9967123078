using System.Net;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>
/// The funnel, its history and the planning calculator over grade histories written at known dates (through the
/// domain, as the service itself records them). The period under study is the 30 days from <see cref="Start"/>.
/// </summary>
public sealed class FunnelTests : CustomersHostTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(30);

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    /// <summary>
    /// c1: E before the period, D on day 1, C on day 2. c2: E before, stays E. c3: registered on day 3 at E, D on day 4.
    /// c4: D before the period, demoted to E on day 5. c5 (NORTH): D before, deregistered on day 6.
    /// </summary>
    private async Task<Dictionary<string, Guid>> SeedHistory()
    {
        var before = Start.AddDays(-10);
        var ids = new Dictionary<string, Guid>();
        await Host.Scoped<CustomersDbContext, int>(async db =>
        {
            Customer New(string code, string region, string owner, DateTimeOffset at)
            {
                var c = Customer.Register(code, new CustomerProfile($"Funnel {code}", CustomerKind.Dealer, region, "", "", null, null, "", CustomerTier.Ordinary),
                    owner, CustomerGrade.E, "supervisor", at);
                db.Customers.Add(c);
                ids[code] = c.Id;
                return c;
            }

            var c1 = New("c1", "EAST", "rep.east", before);
            c1.ChangeGrade(CustomerGrade.D, "First contact", "rep.east", Start.AddDays(1));
            c1.ChangeGrade(CustomerGrade.C, "Stable contact", "rep.east", Start.AddDays(2));
            New("c2", "EAST", "rep.east", before);
            var c3 = New("c3", "EAST", "rep.east2", Start.AddDays(3));
            c3.ChangeGrade(CustomerGrade.D, "First contact", "rep.east2", Start.AddDays(4));
            var c4 = New("c4", "EAST", "rep.east2", before);
            c4.ChangeGrade(CustomerGrade.D, "First contact", "rep.east2", before.AddDays(1));
            c4.ChangeGrade(CustomerGrade.E, "Contact lost", "rep.east2", Start.AddDays(5));
            var c5 = New("c5", "NORTH", "rep.north", before);
            c5.ChangeGrade(CustomerGrade.D, "First contact", "rep.north", before.AddDays(1));
            c5.Deregister("Went out of business", "rep.north", Start.AddDays(6));
            return await db.SaveChangesAsync();
        });
        return ids;
    }

    private Task<FunnelResponse> Funnel(string query, TestUser? user = null) =>
        Host.Client(user ?? TestUser.Supervisor).GetAsync($"/api/customers/funnel?{query}").Read<FunnelResponse>();

    [Fact]
    public async Task the_funnel_now_counts_active_customers_by_grade_and_leaves_deregistered_ones_out()
    {
        await SeedHistory();

        var row = (await Funnel("")).Rows.Single();

        Assert.Equal((0, 0, 1, 1, 2, 4), (row.A, row.B, row.C, row.D, row.E, row.Total));
    }

    [Fact]
    public async Task the_funnel_at_a_past_date_comes_from_the_grade_history()
    {
        await SeedHistory();

        var midPeriod = await Funnel($"at={Iso(Start.AddDays(2).AddHours(12))}");
        var beforeC5Left = await Funnel($"at={Iso(Start.AddDays(5).AddHours(12))}");

        Assert.True(midPeriod.FromHistory);
        Assert.Equal(Start.AddDays(2).AddHours(12), midPeriod.At);
        // c1 at C, c2 at E, c3 not yet registered, c4 and c5 at D.
        Assert.Equal((0, 0, 1, 2, 1, 4), (midPeriod.Rows[0].A, midPeriod.Rows[0].B, midPeriod.Rows[0].C, midPeriod.Rows[0].D, midPeriod.Rows[0].E, midPeriod.Rows[0].Total));
        // c1 C; c2 E; c3 D; c4 E again; c5 still D until its deregistration on day 6.
        Assert.Equal((1, 2, 2, 5), (beforeC5Left.Rows[0].C, beforeC5Left.Rows[0].D, beforeC5Left.Rows[0].E, beforeC5Left.Rows[0].Total));
    }

    [Fact]
    public async Task the_funnel_has_a_row_per_region_or_per_rep_when_asked()
    {
        await SeedHistory();

        var byRegion = await Funnel("groupBy=region");
        var byOwner = await Funnel($"groupBy=owner&at={Iso(Start.AddDays(2).AddHours(12))}");

        Assert.Equal(["EAST"], byRegion.Rows.Select(r => r.Group));
        Assert.Equal(["rep.east", "rep.east2", "rep.north"], byOwner.Rows.Select(r => r.Group));
        Assert.Equal((1, 1), (byOwner.Rows[0].C, byOwner.Rows[0].E));
        Assert.Equal((1, 1), (byOwner.Rows[1].D, byOwner.Rows[1].Total));
        Assert.Equal((1, 1), (byOwner.Rows[2].D, byOwner.Rows[2].Total));
    }

    [Fact]
    public async Task conversion_rates_count_the_customers_that_were_at_a_stage_and_moved_up_within_the_period()
    {
        await SeedHistory();

        var response = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?from={Iso(Start)}&to={Iso(End)}").Read<ConversionsResponse>();
        var rates = response.Rates.ToDictionary(r => r.Stage);

        // E→D: at E in the period c1, c2, c3, c4 (back to E on day 5); moved on: c1, c3.
        Assert.Equal((4, 2, 0.5m), (rates["E→D"].Cohort, rates["E→D"].Converted, rates["E→D"].Rate));
        // D→C: c1 and c3 reached D, c4 and c5 were at D at the start; only c1 moved on.
        Assert.Equal((4, 1, 0.25m), (rates["D→C"].Cohort, rates["D→C"].Converted, rates["D→C"].Rate));
        // C→B: c1 reached C and went no further. B→A: nobody was at B.
        Assert.Equal((1, 0, 0m), (rates["C→B"].Cohort, rates["C→B"].Converted, rates["C→B"].Rate));
        Assert.Equal((0, 0, (decimal?)null), (rates["B→A"].Cohort, rates["B→A"].Converted, rates["B→A"].Rate));
        Assert.Equal((4, 0), (rates["E→A"].Cohort, rates["E→A"].Converted));
        Assert.Contains("cohort", response.Definition, StringComparison.Ordinal);
    }

    /// <summary>
    /// Customers that go up and come back within the period, or jump a grade: a stage counts from the first time the
    /// customer is at it and converts when the last move up comes after that (mutants that took the last entry instead
    /// of the first, or the first move up instead of the last, survived the tests above; so did one that dropped the E→A count).
    /// </summary>
    [Fact]
    public async Task conversion_rates_count_from_the_first_time_at_a_stage_to_the_last_move_up_and_count_jumps()
    {
        var before = Start.AddDays(-10);
        await Host.Scoped<CustomersDbContext, int>(async db =>
        {
            Customer New(string code, params (CustomerGrade Grade, DateTimeOffset At)[] moves)
            {
                var c = Customer.Register(code, new CustomerProfile($"Funnel {code}", CustomerKind.Dealer, "EAST", "", "", null, null, "", CustomerTier.Ordinary),
                    "rep.east", CustomerGrade.E, "supervisor", before);
                foreach (var (grade, at) in moves)
                {
                    c.ChangeGrade(grade, "Pipeline", "rep.east", at);
                }

                db.Customers.Add(c);
                return c;
            }

            New("k4", (CustomerGrade.C, before.AddDays(1)), (CustomerGrade.B, Start.AddDays(2)), (CustomerGrade.C, Start.AddDays(4)));
            New("k5", (CustomerGrade.D, before.AddDays(1)), (CustomerGrade.C, Start.AddDays(2)), (CustomerGrade.D, Start.AddDays(4)));
            New("k6", (CustomerGrade.D, Start.AddDays(1)), (CustomerGrade.E, Start.AddDays(3)));
            New("k7", (CustomerGrade.B, before.AddDays(1)), (CustomerGrade.A, Start.AddDays(2)), (CustomerGrade.B, Start.AddDays(4)));
            New("k8", (CustomerGrade.D, before.AddDays(1)), (CustomerGrade.B, Start.AddDays(1)), (CustomerGrade.C, Start.AddDays(2)), (CustomerGrade.B, Start.AddDays(3)));
            New("k9", (CustomerGrade.C, Start.AddDays(2)));
            New("k10", (CustomerGrade.A, Start.AddDays(5)));
            return await db.SaveChangesAsync();
        });

        var response = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?from={Iso(Start)}&to={Iso(End)}").Read<ConversionsResponse>();
        var rates = response.Rates.ToDictionary(r => r.Stage, r => (r.Cohort, r.Converted));

        // E: k6 (moved to D, then back), k9 (jumped to C) and k10 (jumped to A) were at E, and all moved up after that.
        Assert.Equal((3, 3), rates["E→D"]);
        // D: k5 (held; up to C, back to D), k6 (from day 1; never further), k8 (held; up to B, down to C, up to B).
        Assert.Equal((3, 2), rates["D→C"]);
        // C: k4 (held; up to B, back to C), k5, k8 and k9 (each from day 2): k4 and k8 (B on day 3, after its first C) moved up.
        Assert.Equal((4, 2), rates["C→B"]);
        // B: k4 (day 2), k7 (held; up to A, back to B), k8 (day 1): only k7 reached A.
        Assert.Equal((3, 1), rates["B→A"]);
        // From E all the way: only k10.
        Assert.Equal((3, 1), rates["E→A"]);
    }

    [Fact]
    public async Task conversion_rates_of_one_rep_use_only_that_reps_customers()
    {
        await SeedHistory();

        var response = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?ownerId=rep.east2&from={Iso(Start)}&to={Iso(End)}").Read<ConversionsResponse>();
        var rates = response.Rates.ToDictionary(r => r.Stage, r => (r.Cohort, r.Converted));

        // c3 (registered at E, moved to D) and c4 (at D at the start, back to E on day 5): both were at E and at D; only c3 moved from E, neither from D.
        // The other reps' customers would give E→D (2, 1) too (c1, c2), but D→C (2, 1) (c1 moved on to C).
        Assert.Equal((2, 1), rates["E→D"]);
        Assert.Equal((2, 0), rates["D→C"]);
    }

    [Fact]
    public async Task conversion_rates_of_a_region_and_of_a_rep_without_filters_count_only_those_customers()
    {
        await SeedHistory();

        var north = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?region=NORTH&from={Iso(Start)}&to={Iso(End)}").Read<ConversionsResponse>();
        var ownView = await Host.Client(TestUser.RepEast2).GetAsync($"/api/customers/funnel/conversions?from={Iso(Start)}&to={Iso(End)}").Read<ConversionsResponse>();

        // NORTH has only c5: at D at the start, deregistered on day 6, never at E.
        Assert.Equal([(0, 0), (1, 0)], north.Rates.Take(2).Select(r => (r.Cohort, r.Converted)));
        // rep.east2 sees c3 and c4 only, as in the test above; the whole company would be E→D (4, 2).
        Assert.Equal([(2, 1), (2, 0)], ownView.Rates.Take(2).Select(r => (r.Cohort, r.Converted)));
    }

    [Fact]
    public async Task the_plan_turns_the_documents_sales_target_into_50_A_customers_and_the_grades_below_with_given_rates()
    {
        await SeedHistory();

        var plan = await Host.Client(TestUser.Supervisor)
            .GetAsync("/api/customers/funnel/plan?salesTarget=10000000&averageOrderSize=200000&rateBtoA=0.5&rateCtoB=0.5&rateDtoC=0.5&rateEtoD=0.5")
            .Read<PlanResponse>();
        var steps = plan.Steps.ToDictionary(s => s.Grade);

        Assert.Equal(50, steps[CustomerGrade.A].Needed);
        Assert.Contains("⌈10000000 ÷ 200000⌉ = 50", steps[CustomerGrade.A].Formula, StringComparison.Ordinal);
        Assert.Equal(50 * 2, steps[CustomerGrade.B].Needed);
        Assert.Equal(50 * 2 * 2, steps[CustomerGrade.C].Needed);
        Assert.Equal(50 * 2 * 2 * 2, steps[CustomerGrade.D].Needed);
        Assert.Equal(50 * 2 * 2 * 2 * 2, steps[CustomerGrade.E].Needed);
        Assert.All(plan.Steps.Skip(1), s => Assert.Equal("given", s.RateSource));
        // What the company has now: C 1, D 1, E 2; every grade is short, so the pipeline breaks at E.
        Assert.Equal((1, 400 - 1), (steps[CustomerGrade.D].Current, steps[CustomerGrade.D].Shortfall));
        Assert.Equal([CustomerGrade.A, CustomerGrade.B, CustomerGrade.C, CustomerGrade.D, CustomerGrade.E], plan.ShortAt);
        Assert.Equal(CustomerGrade.E, plan.BreaksAt);
    }

    [Fact]
    public async Task the_plan_uses_measured_rates_as_exact_fractions_where_none_are_given()
    {
        await SeedHistory();

        var plan = await Host.Client(TestUser.Supervisor)
            .GetAsync($"/api/customers/funnel/plan?salesTarget=10000000&averageOrderSize=200000&rateBtoA=0.5&rateCtoB=0.3&from={Iso(Start)}&to={Iso(End)}")
            .Read<PlanResponse>();
        var steps = plan.Steps.ToDictionary(s => s.Grade);

        var neededC = (long)Math.Ceiling(100 / 0.3m);
        Assert.Equal(neededC, steps[CustomerGrade.C].Needed);
        // D→C measured 1 of 4 and E→D 2 of 4 over the period: D = ⌈C × 4 ÷ 1⌉, E = ⌈D × 4 ÷ 2⌉.
        Assert.Equal(("measured", 4, 1), (steps[CustomerGrade.D].RateSource, steps[CustomerGrade.D].Cohort!.Value, steps[CustomerGrade.D].Converted!.Value));
        Assert.Equal(neededC * 4, steps[CustomerGrade.D].Needed);
        Assert.Equal(neededC * 4 * 4 / 2, steps[CustomerGrade.E].Needed);
        // Against what the company has now (D 1, E 2): what is still to find.
        Assert.Equal((neededC * 4 - 1, neededC * 4 * 4 / 2 - 2), (steps[CustomerGrade.D].Shortfall, steps[CustomerGrade.E].Shortfall));
    }

    [Fact]
    public async Task the_plan_says_which_rate_to_give_when_one_cannot_be_measured()
    {
        await SeedHistory();

        var plan = await Host.Client(TestUser.Supervisor)
            .GetAsync($"/api/customers/funnel/plan?salesTarget=10000000&averageOrderSize=200000&from={Iso(Start)}&to={Iso(End)}")
            .Read<PlanResponse>();

        var b = plan.Steps.Single(s => s.Grade == CustomerGrade.B);
        Assert.Null(b.Needed);
        Assert.Contains("rateBtoA", b.Formula, StringComparison.Ordinal);
        Assert.All(plan.Steps.Skip(2), s => Assert.Null(s.Needed));
    }

    [Theory]
    [InlineData("averageOrderSize=200000", "salesTarget")]
    [InlineData("salesTarget=10000000", "averageOrderSize")]
    [InlineData("salesTarget=10000000000&averageOrderSize=1", "averageOrderSize")] // more than a billion customers at A
    [InlineData("salesTarget=0&averageOrderSize=200000", "salesTarget")]
    [InlineData("salesTarget=10000000&averageOrderSize=200000&rateBtoA=1.5", "rateBtoA")]
    [InlineData("salesTarget=10000000&averageOrderSize=200000&rateEtoD=0", "rateEtoD")]
    public async Task a_plan_without_a_positive_target_and_order_size_or_with_a_rate_outside_0_to_1_is_a_bad_request(string query, string field)
    {
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/plan?{query}").ReadValidationProblem(field);
    }

    [Fact]
    public async Task the_plan_of_one_region_compares_with_that_regions_customers()
    {
        await SeedHistory();

        var plan = await Host.Client(TestUser.Supervisor)
            .GetAsync("/api/customers/funnel/plan?salesTarget=400000&averageOrderSize=200000&rateBtoA=1&rateCtoB=1&rateDtoC=1&rateEtoD=1&region=NORTH")
            .Read<PlanResponse>();

        // NORTH's only customer was deregistered: nothing counts there now.
        Assert.All(plan.Steps, s => Assert.Equal((2L, 0), (s.Needed!.Value, s.Current)));
    }

    [Fact]
    public async Task a_funnel_date_in_the_future_is_a_bad_request()
    {
        var response = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel?at={Iso(DateTimeOffset.UtcNow.AddDays(2))}");

        await response.ReadValidationProblem("at");
    }

    [Fact]
    public async Task a_grouping_other_than_region_or_owner_and_a_period_that_does_not_run_forward_are_bad_requests()
    {
        await Host.Client(TestUser.Supervisor).GetAsync("/api/customers/funnel?groupBy=city").ReadValidationProblem("groupBy");
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?from={Iso(End)}&to={Iso(Start)}").ReadValidationProblem("from");
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?from={Iso(Start)}&to={Iso(Start)}").ReadValidationProblem("from");
    }

    /// <summary>
    /// Histories that tell the first move up from the last, and moves at the very start of the period (region WEST):
    /// m1 at D at the start, to C on day 1, E on day 2, D on day 3; m2 at E, to C on day 1, D on day 2, B on day 3;
    /// m3 at D, to A on day 1, E on day 2, A on day 3; m4 at E, to B on day 1; m5 at E until it moved to D exactly at the
    /// start; m6 at E until it moved to D exactly at the end (the period includes its last instant).
    /// </summary>
    [Fact]
    public async Task a_stage_converts_on_the_last_move_up_after_the_first_time_at_it_and_a_move_at_the_start_is_held_not_made()
    {
        var before = Start.AddDays(-10);
        await Host.Scoped<CustomersDbContext, int>(async db =>
        {
            void New(string code, params (CustomerGrade Grade, DateTimeOffset At)[] moves)
            {
                var c = Customer.Register(code, new CustomerProfile($"Funnel {code}", CustomerKind.Dealer, "WEST", "", "", null, null, "", CustomerTier.Ordinary),
                    "rep.west", CustomerGrade.E, "supervisor", before);
                foreach (var (grade, at) in moves)
                {
                    c.ChangeGrade(grade, "Pipeline", "rep.west", at);
                }

                db.Customers.Add(c);
            }

            New("m1", (CustomerGrade.D, before.AddDays(1)), (CustomerGrade.C, Start.AddDays(1)), (CustomerGrade.E, Start.AddDays(2)), (CustomerGrade.D, Start.AddDays(3)));
            New("m2", (CustomerGrade.C, Start.AddDays(1)), (CustomerGrade.D, Start.AddDays(2)), (CustomerGrade.B, Start.AddDays(3)));
            New("m3", (CustomerGrade.D, before.AddDays(1)), (CustomerGrade.A, Start.AddDays(1)), (CustomerGrade.E, Start.AddDays(2)), (CustomerGrade.A, Start.AddDays(3)));
            New("m4", (CustomerGrade.B, Start.AddDays(1)));
            New("m5", (CustomerGrade.D, Start));
            New("m6", (CustomerGrade.D, End));
            return await db.SaveChangesAsync();
        });

        var response = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/funnel/conversions?region=WEST&from={Iso(Start)}&to={Iso(End)}").Read<ConversionsResponse>();
        var rates = response.Rates.ToDictionary(r => r.Stage, r => (r.Cohort, r.Converted));
        var atStart = await Funnel($"at={Iso(Start)}&region=WEST");

        // E: m1 (day 2), m2, m3 (day 2), m4, m6; each moved up after its first E (m1 and m3 on day 3, m4 to B, m6 at the end).
        // m5 left E at the start.
        Assert.Equal((5, 5), rates["E→D"]);
        // D: m1, m3 and m5 held at the start, m2 from day 2, m6 at the end; m1 (C on day 1), m2 (B on day 3) and m3 (A on day 3) moved up.
        Assert.Equal((5, 3), rates["D→C"]);
        // C: m1 and m2 (day 1); only m2 reached B.
        Assert.Equal((2, 1), rates["C→B"]);
        Assert.Equal((2, 0), rates["B→A"]);
        // From E to A: only m3, whose A on day 3 comes after its E on day 2.
        Assert.Equal((5, 1), rates["E→A"]);
        // At the start: m2, m4 and m6 at E; m1, m3 and m5 (moved exactly then) at D.
        Assert.Equal((3, 3, 6), (atStart.Rows[0].E, atStart.Rows[0].D, atStart.Rows[0].Total));
    }

    /// <summary>Region SOUTH now: 3 at A, 2 at B, 4 at C, 1 at D, 10 at E.</summary>
    private async Task SeedSouth()
    {
        await Host.Scoped<CustomersDbContext, int>(async db =>
        {
            var n = 0;
            foreach (var (grade, count) in new[] { (CustomerGrade.A, 3), (CustomerGrade.B, 2), (CustomerGrade.C, 4), (CustomerGrade.D, 1), (CustomerGrade.E, 10) })
            {
                for (var i = 0; i < count; i++)
                {
                    db.Customers.Add(Customer.Register($"s{++n}", new CustomerProfile($"South {n}", CustomerKind.Dealer, "SOUTH", "", "", null, null, "", CustomerTier.Ordinary),
                        "rep.south", grade, "supervisor", Start));
                }
            }

            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task the_plan_counts_what_is_short_at_each_grade_against_what_is_there_and_breaks_at_the_least_mature_short_grade()
    {
        await SeedSouth();

        var plan = await Host.Client(TestUser.Supervisor)
            .GetAsync("/api/customers/funnel/plan?salesTarget=600000&averageOrderSize=200000&rateBtoA=0.5&rateCtoB=1&rateDtoC=1&rateEtoD=1&region=SOUTH")
            .Read<PlanResponse>();

        // A 3 needed, 3 there; B ⌈3 ÷ 0.5⌉ = 6 against 2; C, D and E 6 each against 4, 1 and 10.
        Assert.Equal(
            [(CustomerGrade.A, 3L, 3, 0L), (CustomerGrade.B, 6L, 2, 4L), (CustomerGrade.C, 6L, 4, 2L), (CustomerGrade.D, 6L, 1, 5L), (CustomerGrade.E, 6L, 10, 0L)],
            plan.Steps.Select(s => (s.Grade, s.Needed!.Value, s.Current, s.Shortfall!.Value)));
        Assert.Equal([CustomerGrade.B, CustomerGrade.C, CustomerGrade.D], plan.ShortAt);
        Assert.Equal(CustomerGrade.D, plan.BreaksAt);
        Assert.Equal("Short of customers at B (4 more needed: 6 needed, 2 now), C (2 more needed: 6 needed, 4 now), D (5 more needed: 6 needed, 1 now). " +
                     "The pipeline breaks first at D, the least mature grade that is short: work there feeds every grade above it.", plan.Summary);
    }

    [Fact]
    public async Task a_pipeline_that_holds_what_the_target_needs_breaks_nowhere()
    {
        await SeedSouth();

        var plan = await Host.Client(TestUser.Supervisor)
            .GetAsync("/api/customers/funnel/plan?salesTarget=200000&averageOrderSize=200000&rateBtoA=1&rateCtoB=1&rateDtoC=1&rateEtoD=1&region=SOUTH")
            .Read<PlanResponse>();

        Assert.All(plan.Steps, s => Assert.Equal((1L, 0L), (s.Needed!.Value, s.Shortfall!.Value)));
        Assert.Empty(plan.ShortAt);
        Assert.Null(plan.BreaksAt);
        Assert.Equal("The pipeline holds at least the customers needed at every grade that could be planned.", plan.Summary);
    }
}
