using Microsoft.EntityFrameworkCore;

namespace Crm.BuildingBlocks.Data;

/// <summary>The next free number of a numbered series (a contract, a complaint), one row per series and year.</summary>
public sealed class NumberSequence
{
    public required string Series { get; init; }
    public long Next { get; set; }
}

public static class DocumentNumbers
{
    /// <summary>
    /// Allocates the next number of <paramref name="prefix"/> in <paramref name="year"/>, as "CT-2026-000001". The row is
    /// a concurrency token, so two requests never get the same number; a lost race simply takes the next one.
    /// A number allocated by a request that later fails is not reused: series may have gaps, never duplicates.
    /// When many requests race for the same row (hotline agents filing at once), losers back off with growing, jittered
    /// delays so the herd spreads out instead of failing.
    /// </summary>
    public static async Task<string> NextNumberAsync(this ServiceDbContext db, string prefix, int year, CancellationToken cancellationToken)
    {
        var series = $"{prefix}-{year}";
        for (var attempt = 0; ; attempt++)
        {
            var sequence = await db.NumberSequences.FirstOrDefaultAsync(s => s.Series == series, cancellationToken);
            if (sequence is null)
            {
                sequence = new NumberSequence { Series = series, Next = 1 };
                db.NumberSequences.Add(sequence);
            }

            var number = sequence.Next++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return $"{series}-{number:D6}";
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                db.Entry(sequence).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(1, 20) * (attempt + 1), cancellationToken);
            }
        }
    }
}
