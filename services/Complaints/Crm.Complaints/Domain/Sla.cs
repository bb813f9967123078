namespace Crm.Complaints.Domain;

public enum SlaState { OnTime, AtRisk, Breached }

/// <summary>
/// The steps of escalation, each taken at most once per complaint (a unique key in the escalations table holds it):
/// at risk notifies the department head; the first breach escalates to the department head (level 1); a resolution
/// still open after a further share of its target escalates to the CRM supervisor / marketing GM (level 2), as does a
/// resolution breach that follows a first-response breach.
/// </summary>
[Flags]
public enum EscalationStep
{
    None = 0,
    FirstResponseAtRisk = 1,
    FirstResponseBreached = 2,
    ResolutionAtRisk = 4,
    ResolutionBreached = 8,
    ResolutionOverdue = 16,
}

/// <summary>
/// The SLA a complaint was filed under, copied from the policy at filing so later policy edits do not move the goal
/// posts of complaints already open. Targets are business time in the complaint's region's calendar.
/// </summary>
public sealed record SlaTerms(TimeSpan FirstResponse, TimeSpan Resolution, double AtRiskShare, double OverdueShare)
{
    public TimeSpan FirstResponseAtRisk => FirstResponse * AtRiskShare;
    public TimeSpan ResolutionAtRisk => Resolution * AtRiskShare;
    public TimeSpan ResolutionOverdue => Resolution * (1 + OverdueShare);
}
