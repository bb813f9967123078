using Crm.Visits.Domain;

namespace Crm.Visits.Features;

/// <summary>The most characters or items of each part of a visit and its report.</summary>
public static class VisitLimits
{
    public const int Note = 1_000;
    public const int Reason = 500;
    public const int Text = 2_000;
    public const int Items = 20;
    public const int ShortText = 200;
}

public sealed record VisitResponse(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, DateOnly ScheduledFor, bool AdHoc,
    VisitStatus Status, CheckPoint? CheckIn, CheckPoint? CheckOut, bool CheckInFlagged, string Note, string? CancellationReason,
    VisitReport? Report, ReportStatus? ReportStatus, IReadOnlyList<ReviewStep> Reviews, DateTimeOffset CreatedAt, string CreatedBy, long Version)
{
    public static VisitResponse From(Visit v) =>
        new(v.Id, v.Number, v.CustomerId, v.CustomerName, v.Region, v.OwnerId, v.ScheduledFor, v.AdHoc, v.Status, v.CheckIn, v.CheckOut,
            v.CheckInFlagged, v.Note, v.CancellationReason, v.Report, v.ReportStatus, v.Reviews, v.CreatedAt, v.CreatedBy, v.Version);
}
