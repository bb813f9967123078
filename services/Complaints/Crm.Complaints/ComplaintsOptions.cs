using System.ComponentModel.DataAnnotations;

namespace Crm.Complaints;

/// <summary>Settings of the Complaints service (configuration section <c>Complaints</c>).</summary>
public sealed class ComplaintsOptions
{
    /// <summary>How long after resolution a complaint may be reopened, in calendar days.</summary>
    [Range(0, 3650)]
    public int ReopenWithinDays { get; set; } = 30;

    /// <summary>How often each replica sweeps for due escalations.</summary>
    [Range(1, 86_400)]
    public int EscalationIntervalSeconds { get; set; } = 60;

    /// <summary>Complaints claimed and escalated per database transaction.</summary>
    [Range(1, 10_000)]
    public int EscalationBatchSize { get; set; } = 500;

    /// <summary>Runs the sweeper in this process; a deployment may run it only in some replicas.</summary>
    public bool EscalationEnabled { get; set; } = true;

    /// <summary>Who receives level-2 escalations: the CRM supervisor and/or marketing GM (user ids, comma-separated).</summary>
    [Required, MaxLength(1000)]
    public string TopLevelRecipients { get; set; } = "supervisor,gm";
}
