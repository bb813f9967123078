using Crm.IntegrationEvents;

namespace Crm.Visits.Domain;

/// <summary>An objection the customer raised and how the rep handled it.</summary>
public sealed record Objection(string Text, string Handling);

/// <summary>What was learnt about a competitor: who, which product, at what price, doing what.</summary>
public sealed record CompetitorNote(string Competitor, string Product, decimal? Price, string Activity);

/// <summary>A complaint the customer made during the visit, filed into the Complaints service when the report is submitted.</summary>
public sealed record VisitComplaint(ComplaintType Type, ComplaintSeverity Severity, string? ProductLine, string Description, string ContactPerson);

/// <summary>A step agreed with the customer and the date it is due.</summary>
public sealed record NextStep(string Action, DateOnly Due);

/// <summary>
/// The visit report and customer record card (拜访报告、拜访客户记录卡): what the visit was for, what the customer needs,
/// objections and their handling, suggestions, a complaint to file, competitors, satisfaction (1–5), training given,
/// next steps, and optionally a proposed grade with its reason, or the reason the customer should be deregistered (注销).
/// </summary>
public sealed record VisitReport(
    string Purpose,
    string Needs,
    IReadOnlyList<Objection> Objections,
    string Suggestions,
    IReadOnlyList<CompetitorNote> Competitors,
    int Satisfaction,
    string TrainingGiven,
    IReadOnlyList<NextStep> NextSteps,
    CustomerGrade? ProposedGrade,
    string? GradeReason,
    VisitComplaint? Complaint = null,
    string? DeregistrationReason = null);

public enum ReportStatus { Draft, Submitted, Returned, Approved }

public enum ReviewAction { Submitted, Approved, Returned, Resubmitted }

/// <summary>One step of a report's review (客户跟进记录审核): who, when, what, and the comment.</summary>
public sealed record ReviewStep(ReviewAction Action, string By, DateTimeOffset At, string? Comment);
