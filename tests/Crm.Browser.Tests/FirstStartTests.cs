using System.Diagnostics;

namespace Crm.Browser.Tests;

/// <summary>What a newcomer sees on the first start of the standalone host: the banner first, and no warnings.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("crm-first-start-").FullName;

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private static async Task DemoContractsSeeded(string banner, CancellationToken cancellationToken)
    {
        using var http = await PortalFixture.ApiAsync(System.Text.RegularExpressions.Regex.Match(banner, @"http://\S+").Value.TrimEnd('.', ','), "supervisor");
        while (true)
        {
            var contracts = await http.GetAsync("/api/contracts?pageSize=1", cancellationToken);
            if (contracts.IsSuccessStatusCode
                && System.Text.Json.JsonDocument.Parse(await contracts.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("totalCount").GetInt32() >= 5)
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    [Fact]
    public async Task the_first_start_prints_the_banner_first_and_no_warnings()
    {
        // The host as `dotnet run` starts it: its own folder as content root, so its appsettings.json applies.
        using var host = Process.Start(new ProcessStartInfo("dotnet", ["Crm.Standalone.dll", "--urls", "http://127.0.0.1:0", $"--Standalone:DataDirectory={dataDirectory}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = host.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Platform administrator", StringComparison.Ordinal))
                {
                    break;
                }
            }

            // The last background work of a first start is the demo data: Contracts seeds its contracts once Customers'
            // demo customers have crossed the bus. Once they are there, every service has started, migrated and seeded.
            await DemoContractsSeeded(lines.First(l => l.Trim().Length > 0), timeout.Token);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        lines.AddRange((await host.StandardOutput.ReadToEndAsync()).Split('\n'));
        var output = string.Join('\n', lines);
        Assert.StartsWith("Crm.Platform (standalone) is running at http://127.0.0.1:", lines.First(l => l.Trim().Length > 0).Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.Equal("", (await errors).Trim());
    }
}
