using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Crm.Testing;

/// <summary>How to start a <see cref="PlatformProcesses"/>.</summary>
public sealed record PlatformOptions
{
    public IDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    public IDictionary<string, string> ServiceSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Services reach PostgreSQL and RabbitMQ through a <see cref="FaultProxy"/> each, which a test can cut.</summary>
    public bool FaultProxies { get; init; }

    /// <summary>Replicas the test will add with <see cref="PlatformProcesses.StartReplicaAsync"/>, counted in the connection budget.</summary>
    public int ExtraReplicas { get; init; }

    /// <summary>
    /// The services log each message a consumer has finished with (MassTransit's <c>RECEIVE</c> line, category
    /// <c>MassTransit.Messages</c> at Debug), which <see cref="PlatformProcesses.Consumed"/> counts. Off where a test
    /// measures throughput, as the fault tests do: a line per message costs.
    /// </summary>
    public bool LogConsumedMessages { get; init; }

    /// <summary>
    /// The web portal too, as its own process behind the gateway: browsers open it at <see cref="PlatformProcesses.GatewayUrl"/>
    /// (the gateway's last route), and it signs users in and calls the APIs through the gateway, as deployed.
    /// </summary>
    public bool Portal { get; init; }
}

/// <summary>
/// The distributed platform for real: the gateway and the five services, each its own `dotnet` process on its own port,
/// with a PostgreSQL database each and one RabbitMQ virtual host, all created fresh for this run and removed after.
/// Needs the servers that tests/run.sh starts (CRM_TEST_POSTGRES, CRM_TEST_RABBITMQ) and a built solution.
/// </summary>
public sealed class PlatformProcesses : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> ServiceNames = ["Customers", "Visits", "Contracts", "Complaints", "Hospitality"];

    /// <summary>
    /// Each process's share of PostgreSQL's connections in tests: small, because this platform shares the server with
    /// the other test runs on the machine, and it is what the fault tests hold the platform to.
    /// </summary>
    public const int MaxPoolSize = 5;

    private readonly List<(string Name, Process Process)> processes = [];
    private readonly Dictionary<string, Dictionary<string, string>> environments = [];
    private readonly Dictionary<string, TestDatabase> databases = [];
    private readonly string runId = TestDatabase.UniqueName("crm");
    private readonly Uri rabbitMq;
    private readonly Uri rabbitManagement;
    private readonly string workDirectory;
    private readonly Dictionary<string, Uri> serviceUrls = [];

    private PlatformProcesses()
    {
        rabbitMq = new Uri(Environment.GetEnvironmentVariable("CRM_TEST_RABBITMQ")
            ?? throw new InvalidOperationException("CRM_TEST_RABBITMQ is not set. Run the tests with tests/run.sh, which starts PostgreSQL and RabbitMQ."));
        rabbitManagement = new Uri(Environment.GetEnvironmentVariable("CRM_TEST_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15672/");
        workDirectory = Path.Combine(RepositoryRoot, "TestResults", "platform", runId);
        Directory.CreateDirectory(workDirectory);
    }

    public Uri GatewayUrl { get; private set; } = null!;

    public IReadOnlyDictionary<string, Uri> ServiceUrls => serviceUrls;

    /// <summary>The AMQP address of this run's virtual host, for a test's own bus.</summary>
    public Uri RabbitMqUrl => new(rabbitMq, runId);

    public string LogDirectory => workDirectory;

    /// <summary>This run's RabbitMQ virtual host.</summary>
    public string VirtualHost => runId;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Present when the platform was started with <see cref="PlatformOptions.FaultProxies"/>.</summary>
    public FaultProxy? PostgresProxy { get; private set; }

    public FaultProxy? RabbitMqProxy { get; private set; }

    /// <summary>The connections this platform's processes may hold on PostgreSQL at most, by its configuration.</summary>
    public int ConnectionBudget { get; private set; }

    private bool logsConsumedMessages;

    /// <summary>
    /// How often <paramref name="consumer"/> in <paramref name="service"/> has finished with message
    /// <paramref name="messageId"/>, duplicates included, by the <c>RECEIVE</c> lines in the service's log. MassTransit
    /// writes that line when the consumer has returned, so after its save: once it is counted, whatever that delivery
    /// did (or did not do) is in the database. A delivery that faulted is not counted, nor one taken by a replica
    /// (<see cref="StartReplicaAsync"/> logs to a file of its own). Needs <see cref="PlatformOptions.LogConsumedMessages"/>.
    /// </summary>
    public int Consumed(string service, Guid messageId, string consumer)
    {
        if (!logsConsumedMessages)
        {
            throw new InvalidOperationException("Start the platform with PlatformOptions.LogConsumedMessages to count consumed messages.");
        }

        var id = messageId.ToString("D");
        return ReadLog(service).Count(line => line.Contains("RECEIVE ", StringComparison.Ordinal)
                                              && line.Contains(id, StringComparison.OrdinalIgnoreCase)
                                              && line.Contains($"{consumer}(", StringComparison.Ordinal));
    }

    public static Task<PlatformProcesses> StartAsync(IDictionary<string, string>? gatewaySettings = null, IDictionary<string, string>? serviceSettings = null) =>
        StartAsync(new PlatformOptions
        {
            GatewaySettings = gatewaySettings ?? new Dictionary<string, string>(),
            ServiceSettings = serviceSettings ?? new Dictionary<string, string>(),
        });

    public static async Task<PlatformProcesses> StartAsync(PlatformOptions options)
    {
        var platform = new PlatformProcesses();
        try
        {
            await platform.StartAllAsync(options);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string service) => databases[service].ConnectionString;

    /// <summary>Signs in at the gateway's token endpoint as a demo user.</summary>
    public async Task<string> TokenAsync(string userName, string password = "Crm-demo-2026")
    {
        using var client = new HttpClient { BaseAddress = GatewayUrl };
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = userName, ["password"] = password,
        }));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.access_token;
    }

    /// <summary>A client for the gateway (or, with <paramref name="baseUrl"/>, a service directly) signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientAsync(string? userName, Uri? baseUrl = null)
    {
        var client = new HttpClient { BaseAddress = baseUrl ?? GatewayUrl };
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        }

        return client;
    }

    /// <summary>Kills every process of <paramref name="service"/> at once (SIGKILL, as kill -9): no shutdown, no flushing.</summary>
    public void Kill(string service)
    {
        lock (processes)
        {
            foreach (var (_, process) in processes.Where(p => p.Name.StartsWith(service, StringComparison.Ordinal)))
            {
                process.Kill(entireProcessTree: false);
            }

            processes.RemoveAll(p => p.Name.StartsWith(service, StringComparison.Ordinal));
        }
    }

    /// <summary>Starts <paramref name="service"/> again on its own port with its settings, and waits until it is ready.</summary>
    public Task RestartAsync(string service) =>
        StartAndWaitAsync(service, ProjectDirectory(service), serviceUrls[service], environments[service]);

    /// <summary>Starts one more process of <paramref name="service"/> (same database, same queues) on a port of its own.</summary>
    public async Task<Uri> StartReplicaAsync(string service)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var settings = new Dictionary<string, string>(environments[service]) { ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/') };
        await StartAndWaitAsync($"{service}-{url.Port}", ProjectDirectory(service), url, settings);
        return url;
    }

    private static string ProjectDirectory(string service) => Path.Combine("services", service, $"Crm.{service}");

    private async Task StartAllAsync(PlatformOptions options)
    {
        var gatewaySettings = options.GatewaySettings;
        var serviceSettings = options.ServiceSettings;
        await CreateVirtualHostAsync();
        if (options.FaultProxies)
        {
            var postgres = new NpgsqlConnectionStringBuilder(TestDatabase.Server);
            PostgresProxy = new FaultProxy(postgres.Host!, postgres.Port);
            RabbitMqProxy = new FaultProxy(rabbitMq.Host, rabbitMq.Port);
        }

        logsConsumedMessages = options.LogConsumedMessages;
        var processCount = ServiceNames.Count + 1 + options.ExtraReplicas;
        ConnectionBudget = processCount * MaxPoolSize;
        foreach (var name in ServiceNames.Append("Gateway"))
        {
            databases[name] = await TestDatabase.CreateAsync($"{runId}_{name.ToLowerInvariant()}");
        }

        foreach (var name in ServiceNames)
        {
            serviceUrls[name] = new Uri($"http://127.0.0.1:{FreePort()}/");
        }

        GatewayUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var portalUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var gateway = Common("Gateway", GatewayUrl);
        if (options.Portal)
        {
            gateway["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = portalUrl.ToString();
        }

        gateway["Auth__SigningKeyPath"] = Path.Combine(workDirectory, "signing-key.pem");
        gateway["Gateway__SeedDemoUsers"] = "true";
        foreach (var name in ServiceNames)
        {
            gateway[$"ReverseProxy__Clusters__{name.ToLowerInvariant()}__Destinations__primary__Address"] = serviceUrls[name].ToString();
        }

        foreach (var (key, value) in gatewaySettings)
        {
            gateway[key] = value;
        }

        // Services fetch the token signing keys from the gateway's discovery document, so it goes first.
        await StartAndWaitAsync("Gateway", Path.Combine("gateway", "Crm.Gateway"), GatewayUrl, gateway);
        await Task.WhenAll(ServiceNames.Select(name =>
        {
            var settings = Common(name, serviceUrls[name]);
            settings["Bus__Transport"] = "RabbitMq";
            settings["ConnectionStrings__RabbitMq"] = RabbitMqProxy is null
                ? RabbitMqUrl.ToString()
                : new UriBuilder(RabbitMqUrl) { Port = RabbitMqProxy.Port }.Uri.ToString();
            if (PostgresProxy is not null)
            {
                settings["ConnectionStrings__Database"] = new NpgsqlConnectionStringBuilder(ConnectionString(name)) { Port = PostgresProxy.Port }.ConnectionString;
            }

            settings["Database__ProcessesSharingServer"] = processCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Auth__Authority"] = GatewayUrl.ToString().TrimEnd('/');
            settings["Outbox__PollMilliseconds"] = "200";
            if (options.LogConsumedMessages)
            {
                settings["Logging__LogLevel__MassTransit.Messages"] = "Debug";
            }

            foreach (var (key, value) in serviceSettings)
            {
                settings[key] = value;
            }

            environments[name] = settings;
            return StartAndWaitAsync(name, ProjectDirectory(name), serviceUrls[name], settings);
        }));
        if (options.Portal)
        {
            await StartAndWaitAsync("Portal", Path.Combine("portal", "Crm.Portal"), portalUrl, new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = portalUrl.ToString().TrimEnd('/'),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Portal__ApiBaseUrl"] = GatewayUrl.ToString().TrimEnd('/'),
                ["OTEL_SERVICE_NAME"] = "portal",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            });

            // The gateway probes the portal every 15 s and answers 503 for its pages until a probe has seen it up.
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = GatewayUrl };
            await Eventually.True(async () => (await http.GetAsync("/")).StatusCode != HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), "the gateway routing to the portal");
        }
    }

    private Dictionary<string, string> Common(string name, Uri url) => new()
    {
        ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["Database__MigrateOnStartup"] = "true",
        ["ConnectionStrings__Database"] = ConnectionString(name),
        ["Database__MaxPoolSize"] = MaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OTEL_SERVICE_NAME"] = name.ToLowerInvariant(),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        ["Logging__LogLevel__Crm"] = "Information",
        ["Logging__LogLevel__MassTransit"] = "Information",
    };

    private async Task StartAndWaitAsync(string name, string projectDirectory, Uri url, Dictionary<string, string> environment)
    {
        var dll = Path.Combine(RepositoryRoot, projectDirectory, "bin", BuildConfiguration, "net10.0", Path.GetFileName(projectDirectory) + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution in {BuildConfiguration} first.");
        }

        var log = Path.Combine(workDirectory, $"{name.ToLowerInvariant()}.log");
        File.AppendAllText(log, $"---- started at {DateTime.UtcNow:O}{Environment.NewLine}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var writer = new StreamWriter(log, append: true, Encoding.UTF8) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (processes)
        {
            processes.Add((name, process));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{Tail(log)}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(url, "health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{name} did not become ready at {url}:\n{Tail(log)}");
    }

    /// <summary>The log of <paramref name="name"/> as written so far (the lines are flushed as the process writes them).</summary>
    private IEnumerable<string> ReadLog(string name)
    {
        using var stream = new FileStream(Path.Combine(workDirectory, $"{name.ToLowerInvariant()}.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n');
    }

    private static string Tail(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var lines = new StreamReader(stream).ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(40));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    /// <summary>The RabbitMQ management API, signed in as the test user; paths like <c>api/queues/{vhost}</c>.</summary>
    public HttpClient Management()
    {
        var credentials = Uri.UnescapeDataString(rabbitMq.UserInfo);
        var client = new HttpClient { BaseAddress = rabbitManagement };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private async Task CreateVirtualHostAsync()
    {
        using var management = Management();
        (await management.PutAsync($"api/vhosts/{runId}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(rabbitMq.UserInfo.Split(':')[0]);
        (await management.PutAsJsonAsync($"api/permissions/{runId}/{user}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Already gone.
            }
        }

        if (PostgresProxy is not null)
        {
            await PostgresProxy.DisposeAsync();
        }

        if (RabbitMqProxy is not null)
        {
            await RabbitMqProxy.DisposeAsync();
        }

        foreach (var database in databases.Values)
        {
            await database.DisposeAsync();
        }

        using var management = Management();
        await management.DeleteAsync($"api/vhosts/{runId}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Crm.Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Crm.Platform.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record TokenResponse(string access_token, string token_type, int expires_in);
}
