using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.BuildingBlocks.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Contracts.Features;

public sealed record CalendarResult(int Activated, int Expired, int Reminded);

/// <summary>
/// The contract calendar, by the company's day: a signed contract comes into force on its first effective day, a
/// contract in force expires after its last, and one neither renewed nor let lapse gets its renewal reminders (30, 15
/// and 7 days before the end by default), each once. Safe with replicas: each contract is saved under its version, so
/// of two replicas changing it at once one saves and the other finds it done.
/// </summary>
public sealed class ContractCalendar(IServiceScopeFactory scopes, TimeProvider time, IOptions<ContractsOptions> options, ILogger<ContractCalendar> logger)
{
    public async Task<CalendarResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = options.Value.DayOf(now);
        var result = new CalendarResult(0, 0, 0);
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractsDbContext>();
            ids = await db.Contracts.AsNoTracking()
                .Where(c => c.Status == ContractStatus.Signed || c.Status == ContractStatus.Active)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in ids.TakeWhile(_ => !cancellationToken.IsCancellationRequested))
        {
            result = await Visit(id, today, now, result, cancellationToken);
        }

        return result;
    }

    private async Task<CalendarResult> Visit(Guid id, DateOnly today, DateTimeOffset now, CalendarResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContractsDbContext>();
        var contract = await db.Contracts.FirstAsync(c => c.Id == id, cancellationToken);
        var activated = contract.Activate(today, now);
        var expired = contract.Expire(today, now);
        var reminded = !expired && contract.Remind(today, options.Value.ReminderDays, now);
        if (!(activated || expired || reminded))
        {
            return result;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("Contract {Number} was changed meanwhile (another replica's calendar, or a user); it is looked at next time.", contract.Number);
            return result;
        }

        return new CalendarResult(result.Activated + (activated ? 1 : 0), result.Expired + (expired ? 1 : 0), result.Reminded + (reminded ? 1 : 0));
    }
}

/// <summary>Runs the contract calendar every <see cref="ContractsOptions.CalendarSeconds"/>, on every replica.</summary>
internal sealed class ContractCalendarService(ContractCalendar calendar, TimeProvider time, IOptions<ContractsOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ContractCalendarService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await calendar.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The contract calendar failed; it runs again in {Seconds} s.", options.Value.CalendarSeconds);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.CalendarSeconds), time, stoppingToken);
        }
    }
}
