using Crm.Testing;

namespace Crm.Platform.Tests;

/// <summary>One distributed platform (six processes, PostgreSQL, RabbitMQ) shared by the tests of the collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private PlatformProcesses? platform;

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    // Consumed messages are logged so that a test can tell when a delivery has been dealt with (EndToEndTests).
    public async Task InitializeAsync() => platform = await PlatformProcesses.StartAsync(new PlatformOptions { LogConsumedMessages = true });

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Distributed platform";
}
