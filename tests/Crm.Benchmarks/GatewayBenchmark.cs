using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Crm.Benchmarks;

internal sealed record LoadTarget(string Name, HttpClient Client, string Path);

internal sealed record BenchmarkResult(bool Succeeded, IReadOnlyList<string> SummaryLines);

/// <summary>
/// One GET (a customer; a permit at the gate) at a fixed concurrency, directly against its service and through the gateway, in one run:
/// both are warmed up, then measured in interleaved rounds (A B, B A, A B, ...) so drift in the machine's load hits
/// both alike. Reports the median round's requests per second, the ratio gateway/direct, and p50/p99 latency over
/// every measured request. Any response other than 200 (or a transport error) fails the benchmark.
/// </summary>
internal sealed class GatewayBenchmark(BenchmarkOptions options)
{
    /// <param name="name">What is measured, as the summary names it (e.g. "GET customer").</param>
    public async Task<BenchmarkResult> RunAsync(string name, LoadTarget direct, LoadTarget gateway, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name} (GET {direct.Path}): direct vs gateway, {options.Concurrency} concurrent requests ==");
        var failures = new ConcurrentDictionary<string, int>();
        foreach (var target in new[] { direct, gateway })
        {
            if (options.Warmup > TimeSpan.Zero)
            {
                var warm = await RunRoundAsync(target, options.Warmup, failures, cancellationToken);
                Console.WriteLine($"  warm-up {target.Name,-7} {warm.Rps,9:N0} rps ({warm.Ok:N0} requests, {warm.Failed} failed)");
            }
        }

        var rounds = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { direct, gateway } : [gateway, direct];
            foreach (var target in order)
            {
                var result = await RunRoundAsync(target, options.Round, failures, cancellationToken) with { Round = round };
                rounds.Add(result);
                var latencies = Stats.SortedMilliseconds(result.LatencyTicks);
                Console.WriteLine($"  round {round} {target.Name,-7} {result.Rps,9:N0} rps  p50 {Stats.Ms(Stats.Percentile(latencies, 50)),9}  " +
                                  $"p99 {Stats.Ms(Stats.Percentile(latencies, 99)),9}  ({result.Ok:N0} ok, {result.Failed} failed, {result.Elapsed.TotalSeconds:F2} s)");
            }
        }

        var lines = new List<string>();
        var summaries = new Dictionary<string, (double Rps, double P50, double P99, long Ok, long Failed)>();
        foreach (var target in new[] { direct, gateway })
        {
            var own = rounds.Where(r => r.Target == target.Name).ToList();
            var latencies = Stats.SortedMilliseconds(own.SelectMany(r => r.LatencyTicks));
            summaries[target.Name] = (Stats.Median(own.Select(r => r.Rps)), Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99),
                own.Sum(r => r.Ok), own.Sum(r => r.Failed));
        }

        var d = summaries[direct.Name];
        var g = summaries[gateway.Name];
        lines.Add($"{name} ({options.Concurrency} concurrent, median of {options.Rounds} x {options.Round.TotalSeconds:0} s rounds each, interleaved):");
        lines.Add($"  direct  {d.Rps,9:N0} rps   p50 {Stats.Ms(d.P50),9}   p99 {Stats.Ms(d.P99),9}   ({d.Ok:N0} requests, {d.Failed} non-200)");
        lines.Add($"  gateway {g.Rps,9:N0} rps   p50 {Stats.Ms(g.P50),9}   p99 {Stats.Ms(g.P99),9}   ({g.Ok:N0} requests, {g.Failed} non-200)");
        lines.Add($"{name}: direct {d.Rps:N0} rps, gateway {g.Rps:N0} rps, ratio {g.Rps / d.Rps:0.00} (gateway/direct)");

        var succeeded = failures.IsEmpty;
        if (!succeeded)
        {
            var detail = string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} x{f.Value}"));
            Console.Error.WriteLine($"FAILED: the load loop got responses other than 200 (warm-up included): {detail}");
            lines.Add($"  FAILED: non-200 responses or errors: {detail}");
        }

        return new BenchmarkResult(succeeded, lines);
    }

    /// <summary>
    /// <see cref="BenchmarkOptions.Concurrency"/> loops, each sending its next request when the previous one completes,
    /// until the round's time is up or the request ceiling is reached. Only completed 200s count towards rps and latency.
    /// </summary>
    private async Task<RoundResult> RunRoundAsync(LoadTarget target, TimeSpan duration, ConcurrentDictionary<string, int> failures, CancellationToken cancellationToken)
    {
        var ceiling = options.MaxRequestsPerRound;
        long issued = 0;
        long failed = 0;
        var perLoop = new List<long>[options.Concurrency];
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(async () =>
        {
            var latencies = perLoop[i] = new List<long>(4096);
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= ceiling && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await target.Client.GetAsync(target.Path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add(Stopwatch.GetTimestamp() - started);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        failures.AddOrUpdate($"{target.Name} {(int)response.StatusCode}", 1, (_, n) => n + 1);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    failures.AddOrUpdate($"{target.Name} {ex.GetType().Name}", 1, (_, n) => n + 1);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(loops);
        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        var all = perLoop.SelectMany(l => l).ToArray();
        return new RoundResult(target.Name, 0, all.Length, failed, clock.Elapsed, all);
    }

    private sealed record RoundResult(string Target, int Round, long Ok, long Failed, TimeSpan Elapsed, long[] LatencyTicks)
    {
        public double Rps => Ok / Elapsed.TotalSeconds;
    }
}
