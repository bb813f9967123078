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
    /// Allocates the next number of <paramref name="prefix"/> in <paramref name="year"/>, as "CT-2026-000001", with one
    /// atomic increment of the series' row: concurrent callers queue on the row's lock instead of colliding and
    /// retrying, so a burst of hotline agents filing at once all get numbers. The row is created on first use by an
    /// insert that ignores a concurrent creator. A number allocated by a request that later fails is not reused:
    /// series may have gaps, never duplicates. Inside a transaction the row stays locked until it ends.
    /// </summary>
    public static async Task<string> NextNumberAsync(this ServiceDbContext db, string prefix, int year, CancellationToken cancellationToken) =>
        (await db.NextNumbersAsync(prefix, year, 1, cancellationToken))[0];

    /// <summary>Allocates <paramref name="count"/> consecutive numbers with one increment (a generated plan's visits).</summary>
    public static async Task<IReadOnlyList<string>> NextNumbersAsync(this ServiceDbContext db, string prefix, int year, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var series = $"{prefix}-{year}";
        var (create, increment) = db.Database.IsSqlServer() ? (SqlServerCreate, SqlServerIncrement) : (Create, Increment);
        await db.Database.ExecuteSqlRawAsync(create, [series], cancellationToken);
        var first = (await db.Database.SqlQueryRaw<long>(increment, series, count).ToListAsync(cancellationToken)).Single();
        return Enumerable.Range(0, count).Select(i => $"{series}-{first + i:D6}").ToList();
    }

    // PostgreSQL and SQLite (3.35 and later, as Microsoft.Data.Sqlite bundles it).
    private const string Create = """INSERT INTO "NumberSequences" ("Series", "Next") VALUES ({0}, 1) ON CONFLICT ("Series") DO NOTHING""";
    private const string Increment = """UPDATE "NumberSequences" SET "Next" = "Next" + {1} WHERE "Series" = {0} RETURNING "Next" - {1} AS "Value" """;

    private const string SqlServerCreate = """
        MERGE [NumberSequences] WITH (HOLDLOCK) AS t USING (SELECT {0} AS [Series]) AS s ON t.[Series] = s.[Series]
        WHEN NOT MATCHED THEN INSERT ([Series], [Next]) VALUES (s.[Series], 1);
        """;
    private const string SqlServerIncrement = """UPDATE [NumberSequences] SET [Next] = [Next] + {1} OUTPUT deleted.[Next] AS [Value] WHERE [Series] = {0}""";
}
