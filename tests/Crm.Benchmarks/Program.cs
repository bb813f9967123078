using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Crm.Benchmarks;
using Crm.Testing;

// Whole-platform benchmarks over the real distributed platform (gateway + five services as processes, PostgreSQL,
// RabbitMQ). Usage: dotnet run -c Release --project tests/Crm.Benchmarks [-- all|gateway|propagation] [options]
// See README.md for what each figure means.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// The same servers tests/run.sh uses (started by deploy/local/infra.sh); default to them so a plain `dotnet run` works.
DefaultEnvironment("CRM_TEST_POSTGRES", "Host=127.0.0.1;Port=5432;Username=crm;Password=crm");
DefaultEnvironment("CRM_TEST_RABBITMQ", "amqp://crm:crm@127.0.0.1:5672/");

// The Customers service's own benchmarks run in process on SQLite and PostgreSQL, without the platform's processes.
if (args.Length > 0 && CustomersBenchmarks.Handles(args[0]))
{
    return await CustomersBenchmarks.RunAsync(args);
}

// The Visits service's route optimisation, in process: no servers needed.
// The approval inbox and the gate, in process on PostgreSQL.
if (args.Length > 0 && HospitalityBenchmark.Handles(args[0]))
{
    return await HospitalityBenchmark.RunAsync(args);
}

// Visit plan generation, in process on PostgreSQL.
if (args.Length > 0 && VisitPlanBenchmark.Handles(args[0]))
{
    return await VisitPlanBenchmark.RunAsync(args);
}

if (args.Length > 0 && VisitsBenchmarks.Handles(args[0]))
{
    return await VisitsBenchmarks.RunAsync(args);
}

// The Contracts service's sales-record import and 窜货 detection, in process on SQLite and PostgreSQL.
if (args.Length > 0 && ContractsBenchmarks.Handles(args[0]))
{
    return await ContractsBenchmarks.RunAsync(args);
}

// The Complaints service's filing rate (through the gateway) and escalation sweep (in process on PostgreSQL).
if (args.Length > 0 && ComplaintsBenchmarks.Handles(args[0]))
{
    return await ComplaintsBenchmarks.RunAsync(args);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

// Every loop below is bounded by count and time; this is the last resort if something hangs anyway.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // Let the platform's processes, databases and vhost be removed.
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true; // Same for `kill` and `timeout`: stop measuring, then clean up.
    cancellation.Cancel();
});

var total = Stopwatch.StartNew();
Console.WriteLine($"Crm.Platform benchmarks: {options.Describe()}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, " +
                  $".NET {Environment.Version}; the benchmark client shares these cores with all six platform processes, PostgreSQL and RabbitMQ.");
var loadAtStart = Stats.LoadAverage();
Console.WriteLine($"Load average (1/5/15 min) at start: {loadAtStart}");

const string Unthrottled = "1000000";
var gatewaySettings = new Dictionary<string, string>
{
    // The gateway's per-user token bucket (default 200 burst, 50/s) would otherwise turn the load test into 429s.
    ["RateLimiting__TokenLimit"] = Unthrottled,
    ["RateLimiting__TokensPerSecond"] = Unthrottled,
};
Console.WriteLine($"Gateway rate limiter raised to RateLimiting:TokenLimit={Unthrottled}, RateLimiting:TokensPerSecond={Unthrottled} " +
                  "so that it does not throttle the benchmark (its production defaults are 200 and 50/s per user).");

Console.WriteLine("Starting the platform (gateway + Customers, Visits, Contracts, Complaints, Hospitality) ...");
var startup = Stopwatch.StartNew();
PlatformProcesses platform;
try
{
    platform = await PlatformProcesses.StartAsync(gatewaySettings);
    startup.Stop();
}
catch (Exception ex)
{
    Console.Error.WriteLine($"FAILED to start the platform: {ex.Message}");
    return 1;
}

var summary = new List<string>();
var failed = false;
await using (platform)
{
    Console.WriteLine($"Platform ready in {startup.Elapsed.TotalSeconds:F1} s: gateway {platform.GatewayUrl}, " +
                      string.Join(", ", platform.ServiceUrls.Select(s => $"{s.Key} {s.Value}")) + $"; logs in {platform.LogDirectory}");
    try
    {
        var token = await platform.TokenAsync("gm");
        Console.WriteLine("Signed in as gm (MarketingGM: sees every region).");
        using var gateway = Clients.Create(platform.GatewayUrl, token, options.Concurrency);
        using var customers = Clients.Create(platform.ServiceUrls["Customers"], token, options.Concurrency);
        using var contracts = Clients.Create(platform.ServiceUrls["Contracts"], token, options.Concurrency);

        if (options.RunGateway)
        {
            var customerId = await Api.RegisterCustomerAsync(gateway, "Benchmark customer", cancellation.Token);
            Console.WriteLine($"Registered customer {customerId} for the GET benchmark.");
            var result = await new GatewayBenchmark(options).RunAsync("GET customer",
                new LoadTarget("direct", customers, $"api/customers/{customerId}"),
                new LoadTarget("gateway", gateway, $"api/customers/{customerId}"),
                cancellation.Token);
            summary.AddRange(result.SummaryLines);
            failed |= !result.Succeeded;

            // The gate checks a permit by the code its QR code carries; gm (marketing centre) may act for the front desk.
            using var manager = Clients.Create(platform.GatewayUrl, await platform.TokenAsync("manager.east"), 1);
            using var director = Clients.Create(platform.GatewayUrl, await platform.TokenAsync("director.east"), 1);
            using var hospitality = Clients.Create(platform.ServiceUrls["Hospitality"], token, options.Concurrency);
            var permit = await Api.ApprovedPermitAsync(gateway, manager, director, customerId, cancellation.Token);
            Console.WriteLine($"Approved permit {permit.Number} (code {permit.Code}) for the gate benchmark.");
            var gate = await new GatewayBenchmark(options).RunAsync("Gate permit check",
                new LoadTarget("direct", hospitality, $"api/hospitality/gate/{permit.Code}"),
                new LoadTarget("gateway", gateway, $"api/hospitality/gate/{permit.Code}"),
                cancellation.Token);
            var stillValid = await Api.PermitValidAsync(gateway, permit.Code, cancellation.Token);
            summary.AddRange(gate.SummaryLines);
            if (!stillValid)
            {
                summary.Add("  WRONG ANSWER: the gate no longer finds the permit valid after the run.");
            }

            failed |= !gate.Succeeded || !stillValid;
        }

        if (options.RunPropagation)
        {
            using var branchManager = Clients.Create(platform.GatewayUrl, await platform.TokenAsync("manager.east"), 1);
            var result = await new PropagationBenchmark(options).RunAsync(gateway, branchManager, customers, contracts, cancellation.Token);
            summary.AddRange(result.SummaryLines);
            failed |= !result.Succeeded;
        }
    }
    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
    {
        Console.Error.WriteLine("CANCELLED: interrupted (Ctrl+C or SIGTERM) or over the 10 minute limit.");
        failed = true;
    }
    catch (Exception ex) when (ex is not OutOfMemoryException)
    {
        Console.Error.WriteLine($"FAILED: {ex.GetType().Name}: {ex.Message}");
        Console.Error.WriteLine($"(service logs: {platform.LogDirectory})");
        failed = true;
    }

    Console.WriteLine("Stopping the platform and removing its databases and RabbitMQ vhost ...");
}

Console.WriteLine();
Console.WriteLine("==================================== Summary ====================================");
foreach (var line in summary)
{
    Console.WriteLine(line);
}

Console.WriteLine($"Total run time {total.Elapsed.TotalSeconds:F0} s (platform start-up {startup.Elapsed.TotalSeconds:F0} s of it); " +
                  $"load average at start {loadAtStart}, at end {Stats.LoadAverage()} on {Environment.ProcessorCount} cores " +
                  "(anything else busy on the machine lowers rps and raises latency).");
if (failed)
{
    Console.WriteLine("RESULT: FAILED (see the errors above); the figures are not valid.");
    return 1;
}

Console.WriteLine("RESULT: OK");
return 0;

static void DefaultEnvironment(string name, string value)
{
    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
    {
        Environment.SetEnvironmentVariable(name, value);
        Console.WriteLine($"{name} not set; using the local default {Redact(value)}.");
    }
}


static string Redact(string value) =>
    value.Contains("Password=", StringComparison.OrdinalIgnoreCase) ? value[..value.IndexOf("Password=", StringComparison.OrdinalIgnoreCase)] + "Password=***"
    : value.Contains('@') ? "amqp://***@" + value[(value.IndexOf('@') + 1)..]
    : value;
