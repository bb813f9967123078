using Crm.IntegrationEvents;

namespace Crm.Complaints.Domain;

/// <summary>What routing looks at: the complaint and, from the customer read model, the customer's region, tier and grade.</summary>
public sealed record RoutingInput(
    ComplaintType Type, ComplaintSeverity Severity, ComplaintChannel Channel, string? ProductLine,
    string Region, CustomerTier Tier, CustomerGrade Grade);

/// <summary>
/// One routing rule. Each criterion is a set of accepted values; an empty set accepts anything, so a rule names only
/// what it cares about. All named criteria must hold (AND); within one criterion any listed value will do (OR).
/// </summary>
public sealed record RoutingRule
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<ComplaintType> Types { get; init; } = [];
    public IReadOnlyList<string> ProductLines { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<ComplaintSeverity> Severities { get; init; } = [];
    public IReadOnlyList<CustomerTier> Tiers { get; init; } = [];
    public IReadOnlyList<CustomerGrade> Grades { get; init; } = [];
    public IReadOnlyList<ComplaintChannel> Channels { get; init; } = [];
    public required string Department { get; init; }
    public string? Queue { get; init; }
    public string? AssigneeId { get; init; }

    /// <summary>The criteria this rule names that <paramref name="input"/> does not meet (none: the rule matches).</summary>
    public IReadOnlyList<string> Mismatches(RoutingInput input)
    {
        var misses = new List<string>();
        Check(misses, "type", Types, input.Type);
        Check(misses, "productLine", ProductLines.Select(p => p.ToUpperInvariant()).ToList(), input.ProductLine?.ToUpperInvariant(), input.ProductLine);
        Check(misses, "region", Regions, input.Region);
        Check(misses, "severity", Severities, input.Severity);
        Check(misses, "tier", Tiers, input.Tier);
        Check(misses, "grade", Grades, input.Grade);
        Check(misses, "channel", Channels, input.Channel);
        return misses;
    }

    private static void Check<T>(List<string> misses, string name, IReadOnlyList<T> accepted, T? actual, object? shown = null)
    {
        if (accepted.Count > 0 && (actual is null || !accepted.Contains(actual)))
        {
            misses.Add($"{name} is {shown ?? actual?.ToString() ?? "not given"}, the rule wants {string.Join(" or ", accepted)}");
        }
    }
}

/// <summary>Where a complaint goes, and why: the rule that matched (none: the default) and every rule tried before it.</summary>
public sealed record RoutingDecision(
    int RuleSetVersion, Guid? RuleId, string? RuleName, string Department, string? Queue, string? AssigneeId,
    IReadOnlyList<RuleEvaluation> Evaluated);

public sealed record RuleEvaluation(int Position, Guid RuleId, string RuleName, bool Matched, IReadOnlyList<string> Mismatches);

/// <summary>
/// A published, immutable version of the routing rules: ordered rules, first match wins, and a default department that
/// catches the rest. Publishing makes a new version; complaints keep the (rule, version) that routed them.
/// </summary>
public sealed class RoutingRuleSet
{
    private RoutingRuleSet()
    {
    }

    public int Version { get; private init; }
    public string DefaultDepartment { get; private init; } = "";
    public string? DefaultQueue { get; private init; }
    public IReadOnlyList<RoutingRule> Rules { get; private init; } = [];
    public DateTimeOffset PublishedAt { get; private init; }
    public string PublishedBy { get; private init; } = "";
    public string? Note { get; private init; }

    public static RoutingRuleSet Publish(
        int version, IReadOnlyList<RoutingRule> rules, string defaultDepartment, string? defaultQueue, string publishedBy, DateTimeOffset at, string? note) => new()
    {
        Version = version,
        // A rule keeps its id across versions when the publisher sends it back, so reports can follow one rule over time.
        Rules = rules.Select(r => r.Id == Guid.Empty ? r with { Id = Guid.CreateVersion7(at) } : r).ToList(),
        DefaultDepartment = defaultDepartment,
        DefaultQueue = defaultQueue,
        PublishedBy = publishedBy,
        PublishedAt = at,
        Note = note,
    };

    public RoutingDecision Route(RoutingInput input)
    {
        var evaluated = new List<RuleEvaluation>();
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var misses = rule.Mismatches(input);
            evaluated.Add(new RuleEvaluation(i + 1, rule.Id, rule.Name, misses.Count == 0, misses));
            if (misses.Count == 0)
            {
                return new RoutingDecision(Version, rule.Id, rule.Name, rule.Department, rule.Queue, rule.AssigneeId, evaluated);
            }
        }

        return new RoutingDecision(Version, null, null, DefaultDepartment, DefaultQueue, null, evaluated);
    }
}
