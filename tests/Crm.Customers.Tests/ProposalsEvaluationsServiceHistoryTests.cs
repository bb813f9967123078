using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class GradeProposalTests : CustomersHostTests
{
    private static CustomerGradeProposed Proposed(Guid customerId, CustomerGrade grade, string source = "visit") => new()
    {
        OccurredAt = DateTimeOffset.UtcNow, Version = 1, CustomerId = customerId, ProposedGrade = grade, Source = source,
        SourceId = Guid.NewGuid().ToString(), Reason = "Decision maker stated the intention to buy before the season", ProposedBy = "rep.east",
    };

    private async Task<GradeProposalResponse> Pending(TestUser user, Guid customerId) =>
        Assert.Single(await Host.Client(user).GetAsync($"/api/customers/{customerId}/grade-proposals?status=Pending").Read<List<GradeProposalResponse>>());

    [Fact]
    public async Task a_proposed_grade_waits_and_changes_nothing_until_confirmed()
    {
        var customer = await Register(TestUser.RepEast, grade: "C");

        await Host.Deliver(Proposed(customer.Id, CustomerGrade.B), Guid.NewGuid());

        var pending = await Pending(TestUser.RepEast, customer.Id);
        Assert.Equal((CustomerGrade.B, "visit", ProposalStatus.Pending), (pending.ProposedGrade, pending.Source, pending.Status));
        Assert.Equal(CustomerGrade.C, (await Get(TestUser.RepEast, customer.Id)).Grade);
    }

    [Fact]
    public async Task the_owner_confirms_a_proposal_and_the_grade_changes_with_its_reason_and_source()
    {
        var customer = await Register(TestUser.RepEast, grade: "C");
        var proposal = Proposed(customer.Id, CustomerGrade.B, "hospitality");
        await Host.Deliver(proposal, Guid.NewGuid());
        var pending = await Pending(TestUser.RepEast, customer.Id);

        var confirmed = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/grade-proposals/{pending.Id}/confirm", new { note = "Agreed" })
            .Read<GradeProposalResponse>();

        Assert.Equal((ProposalStatus.Confirmed, "rep.east"), (confirmed.Status, confirmed.DecidedBy));
        Assert.Equal(CustomerGrade.B, (await Get(TestUser.RepEast, customer.Id)).Grade);
        var last = (await History(TestUser.RepEast, customer.Id))[^1];
        Assert.Equal($"hospitality:{proposal.SourceId}", last.SourceId);
        Assert.Contains(proposal.Reason, last.Reason, StringComparison.Ordinal);
        await Host.Published<CustomerGradeChanged>(e => e.CustomerId == customer.Id && e.Grade == CustomerGrade.B);
        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/grade-proposals/{pending.Id}/confirm", new { })
            .ReadProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_manager_rejects_a_proposal_with_a_note_and_the_grade_stays()
    {
        var customer = await Register(TestUser.RepEast, grade: "D");
        await Host.Deliver(Proposed(customer.Id, CustomerGrade.A), Guid.NewGuid());
        var pending = await Pending(TestUser.ManagerEast, customer.Id);

        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{customer.Id}/grade-proposals/{pending.Id}/reject", new { note = " " })
            .ReadValidationProblem("note");
        var rejected = await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{customer.Id}/grade-proposals/{pending.Id}/reject", new { note = "No contract in sight" })
            .Read<GradeProposalResponse>();

        Assert.Equal(ProposalStatus.Rejected, rejected.Status);
        Assert.Equal(CustomerGrade.D, (await Get(TestUser.RepEast, customer.Id)).Grade);
    }

    [Fact]
    public async Task another_rep_cannot_decide_a_proposal_and_a_redelivered_proposal_is_kept_once()
    {
        var customer = await Register(TestUser.RepEast);
        var messageId = Guid.NewGuid();
        var proposal = Proposed(customer.Id, CustomerGrade.D);
        await Host.Deliver(proposal, messageId);
        await Host.Redeliver(proposal, messageId);
        var pending = await Pending(TestUser.RepEast, customer.Id);

        var response = await Host.Client(TestUser.RepEast2).PostAsJsonAsync($"/api/customers/{customer.Id}/grade-proposals/{pending.Id}/confirm", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(CustomerGrade.E, (await Get(TestUser.RepEast, customer.Id)).Grade);
    }
}

public sealed class EvaluationTests : CustomersHostTests
{
    private static object Scores(int transactions, int profitability, int safety, int growth, int cooperation) => new
    {
        transactions, profitability, safety, growth, cooperation, flexibility = 4, downstreamCustomers = 120, capital = 5_000_000m,
        bestSellingBrands = 6, warehouses = 2, vehicles = 8, staff = 35, creditRating = "AA", notes = "Strong in Pudong",
    };

    private Task<HttpResponseMessage> Evaluate(TestUser user, Guid id, object body) =>
        Host.Client(user).PostAsJsonAsync($"/api/customers/{id}/evaluations", body);

    [Fact]
    public async Task an_evaluation_weights_the_five_criteria_and_recommends_reward_support_or_eliminate()
    {
        var customer = await Register(TestUser.RepEast);
        // The rule under test, set by the test: weights 30/20/20/15/15, reward at 80 or more, eliminate below 50.
        int[] weights = [30, 20, 20, 15, 15];
        const int rewardAtLeast = 80, eliminateBelow = 50;
        await Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/customers/evaluation-weights", new
        {
            transactions = weights[0], profitability = weights[1], safety = weights[2], growth = weights[3], cooperation = weights[4], rewardAtLeast, eliminateBelow,
        }).Read<WeightsResponse>();

        // Σ(score × weight) ÷ Σweight to two decimals, and the outcome by the thresholds: worked out here, not taken from the answer.
        static decimal Expected(int[] scores, int[] weights) =>
            Math.Round((decimal)scores.Zip(weights, (s, w) => s * w).Sum() / weights.Sum(), 2, MidpointRounding.AwayFromZero);
        static EvaluationOutcome Outcome(decimal score) =>
            score >= rewardAtLeast ? EvaluationOutcome.Reward : score < eliminateBelow ? EvaluationOutcome.Eliminate : EvaluationOutcome.Support;

        // 81.75 reward; exactly 80 reward; 63.25 support; exactly 50 support; 46 eliminate.
        int[][] cases = [[90, 85, 80, 75, 70], [80, 80, 80, 80, 80], [70, 60, 65, 55, 60], [50, 50, 50, 50, 50], [40, 50, 60, 30, 50]];
        Assert.Equal(
            new[] { (81.75m, EvaluationOutcome.Reward), (80m, EvaluationOutcome.Reward), (63.25m, EvaluationOutcome.Support), (50m, EvaluationOutcome.Support), (46m, EvaluationOutcome.Eliminate) },
            cases.Select(c => (Expected(c, weights), Outcome(Expected(c, weights)))));
        var evaluations = new List<EvaluationResponse>();
        foreach (var c in cases)
        {
            var evaluation = await Evaluate(TestUser.ManagerEast, customer.Id, Scores(c[0], c[1], c[2], c[3], c[4])).Read<EvaluationResponse>(HttpStatusCode.Created);
            Assert.Equal((Expected(c, weights), Outcome(Expected(c, weights))), (evaluation.Score, evaluation.Outcome));
            evaluations.Add(evaluation);
        }

        var good = evaluations[0];
        Assert.Equal((120, 6, CreditRating.AA), (good.Capability.DownstreamCustomers, good.Capability.BestSellingBrands, good.CreditRating));
        Assert.Contains("→", good.Explanation, StringComparison.Ordinal);
        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/evaluations").Read<List<EvaluationResponse>>();
        Assert.Equal(evaluations.Select(e => e.Id).Reverse(), history.Select(e => e.Id));
    }

    [Fact]
    public async Task new_weights_from_the_supervisor_apply_to_later_evaluations_and_earlier_ones_keep_theirs()
    {
        var customer = await Register(TestUser.RepEast);
        var before = await Evaluate(TestUser.ManagerEast, customer.Id, Scores(100, 0, 0, 0, 0)).Read<EvaluationResponse>(HttpStatusCode.Created);

        await Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/customers/evaluation-weights",
            new { transactions = 1, profitability = 0, safety = 0, growth = 0, cooperation = 0, rewardAtLeast = 90, eliminateBelow = 50 }).Read<WeightsResponse>();
        var after = await Evaluate(TestUser.ManagerEast, customer.Id, Scores(100, 0, 0, 0, 0)).Read<EvaluationResponse>(HttpStatusCode.Created);

        Assert.Equal((100m, EvaluationOutcome.Reward), (after.Score, after.Outcome));
        Assert.NotEqual(100m, before.Score);
        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/evaluations").Read<List<EvaluationResponse>>();
        Assert.Equal(before.Score, history.Single(e => e.Id == before.Id).Score);
        Assert.Equal(1, history.Single(e => e.Id == after.Id).Weights.Transactions);
    }

    [Theory]
    [InlineData("""{"transactions":101,"profitability":1,"safety":1,"growth":1,"cooperation":1,"creditRating":"A"}""", "transactions")]
    [InlineData("""{"profitability":1,"safety":1,"growth":1,"cooperation":1,"creditRating":"A"}""", "transactions")]
    [InlineData("""{"transactions":1,"profitability":1,"safety":1,"growth":1,"cooperation":1}""", "creditRating")]
    [InlineData("""{"transactions":1,"profitability":1,"safety":1,"growth":1,"cooperation":1,"creditRating":"A","flexibility":9}""", "flexibility")]
    public async Task an_evaluation_with_a_score_out_of_range_or_missing_is_a_bad_request(string json, string field)
    {
        var customer = await Register(TestUser.RepEast);

        var response = await Host.Client(TestUser.RepEast).PostAsync($"/api/customers/{customer.Id}/evaluations",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ReadValidationProblem(field);
    }

    [Fact]
    public async Task weights_that_are_all_zero_or_thresholds_the_wrong_way_round_are_refused()
    {
        await Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/customers/evaluation-weights",
            new { transactions = 0, profitability = 0, safety = 0, growth = 0, cooperation = 0, rewardAtLeast = 80, eliminateBelow = 60 }).ReadValidationProblem("transactions");
        await Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/customers/evaluation-weights",
            new { transactions = 1, profitability = 1, safety = 1, growth = 1, cooperation = 1, rewardAtLeast = 50, eliminateBelow = 60 }).ReadValidationProblem("eliminateBelow");
    }
}

public sealed class ServiceHistoryTests : CustomersHostTests
{
    [Fact]
    public async Task complaint_events_build_the_customers_service_history_and_its_twelve_month_summary()
    {
        var customer = await Register(TestUser.RepEast);
        var complaintId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        ComplaintFiled filed = new()
        {
            OccurredAt = at, Version = 1, ComplaintId = complaintId, Number = "CP-2026-000007", CustomerId = customer.Id, Region = "EAST",
            Type = ComplaintType.Delivery, Severity = ComplaintSeverity.High, Channel = ComplaintChannel.Hotline, RecordedBy = "service.desk",
        };
        await Host.Deliver(filed, Guid.NewGuid());
        await Host.Deliver(new ComplaintRouted
        {
            OccurredAt = at.AddMinutes(5), Version = 2, ComplaintId = complaintId, Number = filed.Number, CustomerId = customer.Id, Region = "EAST",
            Type = filed.Type, Severity = filed.Severity, Department = "Logistics", RuleSetVersion = 3,
        }, Guid.NewGuid());
        await Host.Deliver(new ComplaintEscalated
        {
            OccurredAt = at.AddHours(30), Version = 3, ComplaintId = complaintId, Number = filed.Number, CustomerId = customer.Id, Region = "EAST",
            Type = filed.Type, Severity = filed.Severity, Level = 1, Reason = "Breached FirstResponse", EscalatedTo = "head.logistics",
        }, Guid.NewGuid());
        await Host.Deliver(new ComplaintResolved
        {
            OccurredAt = at.AddHours(40), Version = 4, ComplaintId = complaintId, Number = filed.Number, CustomerId = customer.Id, Region = "EAST",
            Type = filed.Type, Severity = filed.Severity, RootCause = "Carrier delay", Fix = "Re-delivered", ResolvedBy = "handler.logistics", WithinSla = false,
        }, Guid.NewGuid());
        await Host.Deliver(new ComplaintClosed
        {
            OccurredAt = at.AddDays(2), Version = 5, ComplaintId = complaintId, Number = filed.Number, CustomerId = customer.Id, Region = "EAST",
            Type = filed.Type, Severity = filed.Severity, Satisfaction = 3,
        }, Guid.NewGuid());

        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();

        var complaint = Assert.Single(history.Complaints);
        Assert.Equal(("CP-2026-000007", "Closed", true, false, 3), (complaint.Number, complaint.LastStep, complaint.Escalated, complaint.ResolvedWithinSla!.Value, complaint.Satisfaction!.Value));
        Assert.Equal(["Filed", "Routed", "Escalated", "Resolved", "Closed"], complaint.Steps.Select(s => s.Step));
        Assert.Equal(new ComplaintContext(1, 1, 1, 0, 3), history.LastTwelveMonths);

        var evaluation = await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{customer.Id}/evaluations",
            new { transactions = 70, profitability = 70, safety = 70, growth = 70, cooperation = 60, creditRating = "A" }).Read<EvaluationResponse>(HttpStatusCode.Created);
        Assert.Equal(history.LastTwelveMonths, evaluation.Complaints);
    }

    [Fact]
    public async Task a_reopened_complaint_counts_as_open_again_until_it_is_closed_again()
    {
        var customer = await Register(TestUser.RepEast);
        var complaintId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddDays(-5);
        T Step<T>(T e, long version) where T : ComplaintEvent => e with
        {
            EventId = Guid.NewGuid(), OccurredAt = at, Version = version, ComplaintId = complaintId, Number = "CP-2026-000009", CustomerId = customer.Id, Region = "EAST",
        };
        ComplaintFiled filed = new()
        {
            ComplaintId = complaintId, Number = "", CustomerId = customer.Id, Region = "EAST", Type = ComplaintType.ProductQuality,
            Severity = ComplaintSeverity.High, Channel = ComplaintChannel.Hotline, RecordedBy = "service.desk",
        };
        var closed = new ComplaintClosed { ComplaintId = complaintId, Number = "", CustomerId = customer.Id, Region = "EAST", Type = filed.Type, Severity = filed.Severity };
        var reopened = new ComplaintReopened
        {
            ComplaintId = complaintId, Number = "", CustomerId = customer.Id, Region = "EAST", Type = filed.Type, Severity = filed.Severity,
            ReopenedBy = "rep.east", Reason = "The replacement tiles are cracked too", ReopenCount = 1,
        };
        // Everything within one instant, and the reopening delivered before the closing it undoes: the version decides.
        await Host.Deliver(Step(filed, 1), Guid.NewGuid());
        await Host.Deliver(Step(reopened, 5), Guid.NewGuid());
        await Host.Deliver(Step(closed, 4), Guid.NewGuid());

        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();

        var complaint = Assert.Single(history.Complaints);
        Assert.Equal("Reopened", complaint.LastStep);
        Assert.Equal(["Filed", "Closed", "Reopened"], complaint.Steps.Select(s => s.Step));
        Assert.Contains("The replacement tiles are cracked too", complaint.Steps[^1].Details, StringComparison.Ordinal);
        Assert.Equal((1, 1), (history.LastTwelveMonths.Filed, history.LastTwelveMonths.Open));

        await Host.Deliver(Step(closed, 8), Guid.NewGuid());

        history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();
        Assert.Equal(("Closed", 0), (Assert.Single(history.Complaints).LastStep, history.LastTwelveMonths.Open));
    }

    [Fact]
    public async Task a_redelivered_complaint_event_adds_no_second_step_and_the_history_is_scoped()
    {
        var customer = await Register(TestUser.RepEast);
        var filed = new ComplaintFiled
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 1, ComplaintId = Guid.NewGuid(), Number = "CP-2026-000008", CustomerId = customer.Id, Region = "EAST",
            Type = ComplaintType.ProductQuality, Severity = ComplaintSeverity.Medium, Channel = ComplaintChannel.Visit, RecordedBy = "rep.east",
        };
        var messageId = Guid.NewGuid();
        await Host.Deliver(filed, messageId);
        await Host.Redeliver(filed, messageId);

        var history = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/service-history").Read<ServiceHistoryResponse>();

        Assert.Single(Assert.Single(history.Complaints).Steps);
        Assert.Equal((1, 1), (history.LastTwelveMonths.Filed, history.LastTwelveMonths.Open));
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client(TestUser.RepEast2).GetAsync($"/api/customers/{customer.Id}/service-history")).StatusCode);
    }
}
