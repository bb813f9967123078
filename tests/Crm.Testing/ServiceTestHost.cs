using System.Net.Http.Headers;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.Testing;

/// <summary>
/// One service in process for fast tests: its real endpoints and consumers over a SQLite file of its own, the
/// MassTransit test harness as the bus, and tokens signed with a throw-away key.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private ServiceTestHost(WebApplication app, SigningKeys keys, string directory)
    {
        this.app = app;
        Keys = keys;
        this.directory = directory;
    }

    public SigningKeys Keys { get; }

    public IServiceProvider Services => app.Services;

    public ITestHarness Harness => app.Services.GetTestHarness();

    public static async Task<ServiceTestHost> StartAsync(
        Action<WebApplicationBuilder> addService, Action<WebApplication> mapService, IDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("crm-test-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Database"] = $"Data Source={Path.Combine(directory, "service.db")}",
            ["Outbox:PollMilliseconds"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var keys = new SigningKeys(Path.Combine(directory, "signing-key.pem"), createIfMissing: true);
        builder.Services.AddSingleton(keys);
        builder.AddServiceDefaults();
        addService(builder);
        builder.Services.AddMassTransitTestHarness(x => x.AddRegisteredConsumers(builder));

        var app = builder.Build();
        app.UseServiceDefaults();
        mapService(app);
        await app.StartAsync();
        return new ServiceTestHost(app, keys, directory);
    }

    public HttpClient Client(TestUser? user)
    {
        var client = app.GetTestClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.CreateToken(Keys));
        }

        return client;
    }

    /// <summary>Runs <paramref name="work"/> with a fresh scope, e.g. to look into the service's database.</summary>
    public async Task<T> Scoped<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// Delivers a message to the service's consumers as the broker would, and waits until every consumer of its type
    /// (on every queue) has consumed it.
    /// </summary>
    public async Task Deliver<T>(T message, Guid messageId) where T : class
    {
        var consumers = app.Services.GetServices<MassTransit.Configuration.IConsumerRegistration>()
            .Count(r => typeof(IConsumer<T>).IsAssignableFrom(r.Type));
        var observer = new ConsumeCounter<T>(messageId);
        var handle = Harness.Bus.ConnectConsumeObserver(observer);
        try
        {
            await Harness.Bus.Publish(message, ctx => ctx.MessageId = messageId);
            await Eventually.True(() => Task.FromResult(observer.Count >= Math.Max(1, consumers)), what: $"{typeof(T).Name} {messageId} to be consumed by {consumers} consumer(s)");
        }
        finally
        {
            handle.Disconnect();
        }
    }

    private sealed class ConsumeCounter<TMessage>(Guid messageId) : IConsumeObserver where TMessage : class
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is TMessage && context.MessageId == messageId)
            {
                Interlocked.Increment(ref count);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS eventually.
        }
    }
}
