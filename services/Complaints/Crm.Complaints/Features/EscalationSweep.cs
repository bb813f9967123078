using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Complaints.Features;

public sealed record SweepResult(int Complaints, int Steps, int Batches);

/// <summary>
/// Takes the escalation steps that have fallen due. Correct with any number of replicas sweeping at once:
/// <list type="number">
/// <item>candidates come from one indexed query (<c>NextEscalationAt &lt;= now</c>): the deadlines are stored instants,
/// so no calendar arithmetic runs here;</item>
/// <item>a batch is claimed with one conditional update (a token and a lease, as the outbox dispatcher does), so replicas
/// work disjoint batches instead of colliding;</item>
/// <item>the steps, their events (outbox) and the complaints' new state are saved in one transaction, and the unique key
/// (complaint, step) of the escalations table plus the complaint's version make a step taken twice impossible even if a
/// lease ran out mid-batch: the later transaction fails, rolls back, and its complaints are retried one by one.</item>
/// </list>
/// </summary>
public sealed class EscalationSweep(IServiceScopeFactory scopes, TimeProvider time, IOptions<ComplaintsOptions> options, ILogger<EscalationSweep> logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>Sweeps until nothing claimable is due.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var complaints = 0;
        var steps = 0;
        var batches = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (batchComplaints, batchSteps) = await SweepBatch(cancellationToken);
            if (batchComplaints == 0)
            {
                break;
            }

            complaints += batchComplaints;
            steps += batchSteps;
            batches++;
        }

        return new SweepResult(complaints, steps, batches);
    }

    private async Task<(int Complaints, int Steps)> SweepBatch(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var now = time.GetUtcNow();
        var candidates = await db.Complaints
            .Where(c => c.NextEscalationAt <= now && (c.SweepLockedUntil == null || c.SweepLockedUntil < now))
            .OrderBy(c => c.NextEscalationAt)
            .Select(c => c.Id)
            .Take(options.Value.EscalationBatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, 0);
        }

        var token = Guid.NewGuid();
        var lease = now + ClaimFor;
        var claimedCount = await db.Complaints
            .Where(c => candidates.Contains(c.Id) && (c.SweepLockedUntil == null || c.SweepLockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SweepToken, token).SetProperty(c => c.SweepLockedUntil, lease), cancellationToken);
        if (claimedCount == 0)
        {
            // Another replica claimed these first; look again (its claim hides them from the next query).
            return (candidates.Count, 0);
        }

        var recipients = await Recipients(db, cancellationToken);
        var claimedIds = new List<Guid>();
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                var claimed = await db.Complaints.Where(c => c.SweepToken == token).ToListAsync(ct);
                claimedIds = claimed.Select(c => c.Id).ToList();
                var steps = claimed.Sum(complaint => Escalate(db, complaint, recipients, now));
                await db.SaveChangesAsync(ct);
                return (true, (claimed.Count, steps));
            }, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "An escalation batch conflicted with another change; retrying its complaints one by one.");
            db.ChangeTracker.Clear();
            return (claimedIds.Count, await OneByOne(claimedIds, token, recipients, cancellationToken));
        }
    }

    private async Task<int> OneByOne(List<Guid> ids, Guid token, Func<Complaint, int, string> recipients, CancellationToken cancellationToken)
    {
        var steps = 0;
        foreach (var id in ids)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id && c.SweepToken == token, cancellationToken);
            if (complaint is null)
            {
                continue;
            }

            try
            {
                var taken = Escalate(db, complaint, recipients, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                steps += taken;
            }
            catch (DbUpdateException ex)
            {
                // Someone else took the step or changed the complaint; what is still due is found by the next sweep.
                logger.LogInformation(ex, "Escalation of complaint {ComplaintId} conflicted; left for the next sweep.", id);
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            // Lets the next sweep (of any replica) look at what was left at once rather than after the lease.
            await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Complaints
                .Where(c => c.SweepToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SweepToken, (Guid?)null).SetProperty(c => c.SweepLockedUntil, (DateTimeOffset?)null), cancellationToken);
        }

        return steps;
    }

    private static int Escalate(ComplaintsDbContext db, Complaint complaint, Func<Complaint, int, string> recipients, DateTimeOffset now)
    {
        var due = complaint.DueEscalations(now);
        foreach (var step in due)
        {
            var level = complaint.Escalate(step, l => recipients(complaint, l), now);
            db.Escalations.Add(new ComplaintEscalation
            {
                Id = Guid.CreateVersion7(now),
                ComplaintId = complaint.Id,
                Step = step,
                Level = level,
                Reason = Complaint.ReasonOf(step),
                EscalatedTo = recipients(complaint, level),
                At = now,
            });
        }

        complaint.ReleaseSweepClaim();
        return due.Count;
    }

    /// <summary>Level 1 goes to the head of the complaint's department, level 2 to the CRM supervisor / marketing GM.</summary>
    private async Task<Func<Complaint, int, string>> Recipients(ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var heads = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.HeadUserId, cancellationToken);
        var top = options.Value.TopLevelRecipients;
        return (complaint, level) => level >= 2
            ? top
            : heads.GetValueOrDefault(complaint.Department ?? "") ?? $"head of {complaint.Department}";
    }
}

/// <summary>Runs <see cref="EscalationSweep"/> on every replica at the configured interval (on the injected TimeProvider).</summary>
internal sealed class EscalationSweeper(EscalationSweep sweep, TimeProvider time, IOptions<ComplaintsOptions> options, IHostApplicationLifetime lifetime, ILogger<EscalationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.EscalationIntervalSeconds)), time);
        do
        {
            try
            {
                var result = await sweep.SweepAsync(stoppingToken);
                if (result.Steps > 0)
                {
                    logger.LogInformation("Escalation sweep took {Steps} steps on {Complaints} complaints.", result.Steps, result.Complaints);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Escalation sweep failed; retrying at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
