using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Identity;

/// <summary>Creates the demo users at start-up, after the user store's migrations (hosted services start in order).</summary>
internal sealed class SeedDemoUsers(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await DemoUsers.SeedAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
