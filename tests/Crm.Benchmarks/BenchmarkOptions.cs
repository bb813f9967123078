using System.Globalization;

namespace Crm.Benchmarks;

/// <summary>Which benchmarks to run and how long; every value is bounded so a run stays a few minutes at most.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Crm.Benchmarks [-- [all|gateway|propagation] [options]]
          all            both benchmarks (default)
          gateway        GET /api/customers/{id} and a permit check at the gate (GET /api/hospitality/gate/{code}):
                         requests per second and latency, direct vs through the gateway
          propagation    POST /api/contracts/{id}/sign (an approved contract) -> grade A visible in Customers, over RabbitMQ
        Options (defaults in brackets):
          --concurrency N   concurrent requests in the load loop, 1-256 [32]
          --warmup S        warm-up seconds per target, 0-30 [5]
          --seconds S       seconds per measured round, 1-30 [5]
          --rounds N        measured rounds per target, interleaved direct/gateway, 1-15 [5]
          --customers N     customers (contracts signed) for the propagation benchmark, 1-1000 [100]
        """;

    public bool RunGateway { get; private init; } = true;
    public bool RunPropagation { get; private init; } = true;
    public bool Help { get; private init; }
    public int Concurrency { get; private init; } = 32;
    public TimeSpan Warmup { get; private init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Round { get; private init; } = TimeSpan.FromSeconds(5);
    public int Rounds { get; private init; } = 5;
    public int Customers { get; private init; } = 100;

    /// <summary>A ceiling on requests per round, so that even a very fast loop ends: far above what 2 cores can do.</summary>
    public int MaxRequestsPerRound => (int)Math.Min(int.MaxValue, 200_000L * Math.Max(1, (long)Round.TotalSeconds));

    /// <summary>A named whole-number option of the service benchmarks (<c>--rows 100000</c>), or the fallback when absent or not positive.</summary>
    public static int Named(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            options = arg.ToLowerInvariant() switch
            {
                "all" => options with { RunGateway = true, RunPropagation = true },
                "gateway" => options with { RunGateway = true, RunPropagation = false },
                "propagation" => options with { RunGateway = false, RunPropagation = true },
                "-h" or "--help" or "help" => options with { Help = true },
                "--concurrency" => options with { Concurrency = Number(args, ++i, arg, 1, 256) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Number(args, ++i, arg, 0, 30)) },
                "--seconds" => options with { Round = TimeSpan.FromSeconds(Number(args, ++i, arg, 1, 30)) },
                "--rounds" => options with { Rounds = Number(args, ++i, arg, 1, 15) },
                "--customers" => options with { Customers = Number(args, ++i, arg, 1, 1000) },
                _ => throw new ArgumentException($"Unknown argument '{arg}'."),
            };
        }

        return options;
    }

    public string Describe() =>
        (RunGateway && RunPropagation ? "all" : RunGateway ? "gateway" : "propagation")
        + (RunGateway ? $"; load: {Concurrency} concurrent, warm-up {Warmup.TotalSeconds:0} s per target, {Rounds} rounds x {Round.TotalSeconds:0} s per target" : "")
        + (RunPropagation ? $"; propagation: {Customers} customers" : "");

    private static int Number(IReadOnlyList<string> args, int index, string name, int min, int max)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"{name} needs a whole number.");
        }

        return value >= min && value <= max ? value : throw new ArgumentException($"{name} must be between {min} and {max}.");
    }
}
