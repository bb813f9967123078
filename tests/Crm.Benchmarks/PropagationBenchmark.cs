using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Crm.Benchmarks;

/// <summary>
/// How long a signed contract takes to make its customer grade A, end to end over RabbitMQ: Contracts commits the
/// contract and a ContractSigned row in its outbox, its dispatcher publishes it, Customers' consumer changes the grade.
/// One customer at a time (an unloaded platform): register a customer, wait until Contracts' read model has it, draft a
/// contract, then send the sign request (through the gateway, as a client would) and poll Customers directly every
/// few milliseconds, concurrently with the sign request, until the grade reads A. The figure is the time from sending
/// the sign request to the arrival of the first poll response that shows A, so it includes up to one poll interval and
/// one GET of measurement granularity.
/// </summary>
internal sealed class PropagationBenchmark(BenchmarkOptions options)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(15);

    public async Task<BenchmarkResult> RunAsync(HttpClient gateway, HttpClient branchManager, HttpClient customers, HttpClient contracts, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine($"== Propagation: sign -> grade A in Customers over RabbitMQ, {options.Customers} customers, polling every {PollInterval.TotalMilliseconds:0} ms ==");
        var gradeA = new List<long>(options.Customers);
        var signResponse = new List<long>(options.Customers);
        var readModel = new List<long>(options.Customers);
        var polls = 0L;
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= options.Customers; i++)
        {
            // CustomerRegistered -> Contracts' read model: a contract can only be drafted for a customer Contracts knows.
            var registering = Stopwatch.GetTimestamp();
            var customerId = await Api.RegisterCustomerAsync(gateway, $"Propagation customer {i:000}", cancellationToken);
            await PollUntilAsync(() => Api.ContractsKnowsCustomerAsync(contracts, customerId, cancellationToken),
                $"customer {customerId} to appear in Contracts' read model", cancellationToken);
            readModel.Add(Stopwatch.GetTimestamp() - registering);

            var contractId = await Api.ApprovedContractAsync(gateway, branchManager, customerId, $"Propagation contract {i:000}", cancellationToken);
            var grade = await Api.GradeAsync(customers, customerId, cancellationToken);
            if (grade == "A")
            {
                throw new InvalidOperationException($"Customer {customerId} is grade A before its contract was signed.");
            }

            // Poll from the moment the sign request leaves, not after its response: the event may be dispatched first.
            var signing = Stopwatch.GetTimestamp();
            long signedAt = 0;
            var sign = SignAsync(gateway, contractId, () => signedAt = Stopwatch.GetTimestamp(), cancellationToken);
            var (seenAt, pollCount) = await PollUntilAsync(async () => await Api.GradeAsync(customers, customerId, cancellationToken) == "A",
                $"customer {customerId} to become grade A", cancellationToken, failFast: sign);
            await sign;
            polls += pollCount;
            gradeA.Add(seenAt - signing);
            signResponse.Add(signedAt - signing);
            if (i % 20 == 0 || i == options.Customers)
            {
                Console.WriteLine($"  {i,4}/{options.Customers}: last sign -> grade A {Stats.Ms(Stats.Milliseconds(seenAt - signing))}, " +
                                  $"elapsed {clock.Elapsed.TotalSeconds:F1} s");
            }
        }

        var a = Stats.SortedMilliseconds(gradeA);
        var s = Stats.SortedMilliseconds(signResponse);
        var r = Stats.SortedMilliseconds(readModel);
        var n = a.Length;
        return new BenchmarkResult(true,
        [
            $"propagation sign→grade A: p50 {Stats.Ms(Stats.Percentile(a, 50))}, p99 {Stats.Ms(Stats.Percentile(a, 99))}, " +
            $"max {Stats.Ms(a[^1])}, min {Stats.Ms(a[0])} (n={n}, {(double)polls / n:0.0} polls each)",
            $"  of which the sign request's own response: p50 {Stats.Ms(Stats.Percentile(s, 50))}, p99 {Stats.Ms(Stats.Percentile(s, 99))} (through the gateway)",
            $"  register→Contracts read model: p50 {Stats.Ms(Stats.Percentile(r, 50))}, p99 {Stats.Ms(Stats.Percentile(r, 99))}, " +
            $"max {Stats.Ms(r[^1])} (n={r.Length}, from sending POST /api/customers)",
            $"  (services' Outbox:PollMilliseconds = 200 is only the fallback; dispatch is signalled on commit)",
        ]);
    }

    private static async Task SignAsync(HttpClient gateway, Guid contractId, Action onResponse, CancellationToken cancellationToken)
    {
        using var response = await gateway.PostAsJsonAsync($"api/contracts/{contractId}/sign", Crm.Testing.ContractsApi.Signature, cancellationToken);
        onResponse();
        await Api.ReadAsync<System.Text.Json.JsonElement>(response, HttpStatusCode.OK, "POST /api/contracts/{id}/sign", cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="condition"/> every <see cref="PollInterval"/> until it holds, for at most
    /// <see cref="WaitAtMost"/>; returns the timestamp at which the satisfying response arrived and the number of polls.
    /// Stops early with <paramref name="failFast"/>'s exception if that task fails.
    /// </summary>
    private static async Task<(long SeenAt, int Polls)> PollUntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken, Task? failFast = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(WaitAtMost.TotalSeconds * Stopwatch.Frequency);
        var maxPolls = (int)(WaitAtMost / PollInterval) + 1;
        for (var poll = 1; poll <= maxPolls && Stopwatch.GetTimestamp() < deadline; poll++)
        {
            if (failFast is { IsFaulted: true } or { IsCanceled: true })
            {
                await failFast;
            }

            if (await condition())
            {
                return (Stopwatch.GetTimestamp(), poll);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new TimeoutException($"Waited {WaitAtMost.TotalSeconds:0} s for {what}.");
    }
}
