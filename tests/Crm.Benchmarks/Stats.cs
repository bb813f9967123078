using System.Diagnostics;

namespace Crm.Benchmarks;

internal static class Stats
{
    /// <summary>The 1, 5 and 15 minute load averages, so a reader can tell a quiet machine's figures from a busy one's.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Nearest-rank percentile (p in 0..100) of an ascending array.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double[] SortedMilliseconds(IEnumerable<long> stopwatchTicks) =>
        stopwatchTicks.Select(Milliseconds).Order().ToArray();

    public static double Milliseconds(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Milliseconds with sensible precision: 0.84 ms, 12.3 ms, 145 ms.</summary>
    public static string Ms(double milliseconds) =>
        milliseconds < 10 ? $"{milliseconds:0.00} ms" : milliseconds < 100 ? $"{milliseconds:0.0} ms" : $"{milliseconds:N0} ms";
}
