using Crm.Complaints.Domain;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Tests;

public sealed class RoutingRuleSetTests
{
    private static readonly RoutingInput QualityFromKeyDealer = new(
        ComplaintType.ProductQuality, ComplaintSeverity.Critical, ComplaintChannel.Hotline, "Tiles", "EAST", CustomerTier.Key, CustomerGrade.A);

    private static RoutingRuleSet Rules(params RoutingRule[] rules) =>
        RoutingRuleSet.Publish(3, rules, "CustomerRelations", null, "supervisor", DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void The_first_matching_rule_wins_even_when_a_later_one_also_matches()
    {
        var rules = Rules(
            new RoutingRule { Name = "Critical key customers", Severities = [ComplaintSeverity.Critical], Tiers = [CustomerTier.Key], Department = "CustomerRelations", Queue = "key-accounts" },
            new RoutingRule { Name = "Quality", Types = [ComplaintType.ProductQuality], Department = "Quality" });

        var decision = rules.Route(QualityFromKeyDealer);

        Assert.Equal("CustomerRelations", decision.Department);
        Assert.Equal("key-accounts", decision.Queue);
        Assert.Equal(rules.Rules[0].Id, decision.RuleId);
        Assert.Equal(3, decision.RuleSetVersion);
        Assert.Single(decision.Evaluated);
    }

    [Fact]
    public void Every_named_criterion_must_hold_and_unnamed_ones_accept_anything()
    {
        var rules = Rules(
            new RoutingRule { Name = "North quality", Types = [ComplaintType.ProductQuality], Regions = ["NORTH"], Department = "Sales" },
            new RoutingRule { Name = "Tiles by phone or hotline", ProductLines = ["tiles", "Sanitary"], Channels = [ComplaintChannel.Phone, ComplaintChannel.Hotline], Department = "Quality", AssigneeId = "handler.quality" });

        var decision = rules.Route(QualityFromKeyDealer);

        Assert.Equal("Quality", decision.Department);
        Assert.Equal("handler.quality", decision.AssigneeId);
        var skipped = Assert.Single(decision.Evaluated, e => !e.Matched);
        Assert.Equal("North quality", skipped.RuleName);
        Assert.Contains(skipped.Mismatches, m => m.Contains("region is EAST", StringComparison.Ordinal));
    }

    public static TheoryData<string, RoutingRule, string> EachCriterionAlone => new()
    {
        { "type", new RoutingRule { Name = "r", Department = "Finance", Types = [ComplaintType.Billing] }, "type is ProductQuality, the rule wants Billing" },
        { "productLine", new RoutingRule { Name = "r", Department = "Finance", ProductLines = ["Pipes"] }, "productLine is Tiles, the rule wants PIPES" },
        { "region", new RoutingRule { Name = "r", Department = "Finance", Regions = ["NORTH"] }, "region is EAST, the rule wants NORTH" },
        { "severity", new RoutingRule { Name = "r", Department = "Finance", Severities = [ComplaintSeverity.Low] }, "severity is Critical, the rule wants Low" },
        { "tier", new RoutingRule { Name = "r", Department = "Finance", Tiers = [CustomerTier.Ordinary] }, "tier is Key, the rule wants Ordinary" },
        { "grade", new RoutingRule { Name = "r", Department = "Finance", Grades = [CustomerGrade.E, CustomerGrade.D] }, "grade is A, the rule wants E or D" },
        { "channel", new RoutingRule { Name = "r", Department = "Finance", Channels = [ComplaintChannel.Email] }, "channel is Hotline, the rule wants Email" },
    };

    [Theory]
    [MemberData(nameof(EachCriterionAlone))]
    public void Each_criterion_alone_keeps_a_rule_from_matching_and_says_why(string criterion, RoutingRule rule, string mismatch)
    {
        var rules = Rules(rule, new RoutingRule { Name = "Everything else", Department = "Quality" });

        var decision = rules.Route(QualityFromKeyDealer);

        Assert.Equal("Quality", decision.Department);
        var skipped = decision.Evaluated[0];
        Assert.Equal((1, false), (skipped.Position, skipped.Matched));
        Assert.Equal([mismatch], skipped.Mismatches);
        Assert.Equal((2, true), (decision.Evaluated[1].Position, decision.Evaluated[1].Matched));
        Assert.StartsWith(criterion, mismatch, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complaint_no_rule_matches_goes_to_the_default_department()
    {
        var rules = Rules(new RoutingRule { Name = "Billing", Types = [ComplaintType.Billing], Department = "Finance" });

        var decision = rules.Route(QualityFromKeyDealer);

        Assert.Null(decision.RuleId);
        Assert.Equal("CustomerRelations", decision.Department);
        Assert.False(Assert.Single(decision.Evaluated).Matched);
    }

    [Fact]
    public void A_rule_that_names_a_product_line_does_not_match_a_complaint_without_one()
    {
        var rules = Rules(new RoutingRule { Name = "Tiles", ProductLines = ["Tiles"], Department = "Quality" });

        Assert.Null(rules.Route(QualityFromKeyDealer with { ProductLine = null }).RuleId);
    }

    [Fact]
    public void Published_rules_get_ids_and_keep_the_ids_they_were_given()
    {
        var kept = Guid.NewGuid();
        var rules = Rules(
            new RoutingRule { Id = kept, Name = "Kept", Types = [ComplaintType.Billing], Department = "Finance" },
            new RoutingRule { Name = "New", Department = "Quality" });

        Assert.Equal(kept, rules.Rules[0].Id);
        Assert.NotEqual(Guid.Empty, rules.Rules[1].Id);
    }
}
