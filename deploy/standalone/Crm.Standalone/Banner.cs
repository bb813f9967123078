using Crm.Gateway.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Crm.Standalone;

internal static class Banner
{
    public static void Print(WebApplication app, string dataDirectory)
    {
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = urls.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine($"""

            Crm.Platform (standalone) is running at {url}
              API explorer:  {url}/swagger
              Get a token:   curl -s {url}/connect/token -d grant_type=password -d username=rep.east -d password={DemoUsers.Password}
              Data folder:   {dataDirectory}
              Demo users (password {DemoUsers.Password}):
            """);
        foreach (var (userName, displayName, role, regions, _) in DemoUsers.All)
        {
            Console.WriteLine($"    {userName,-18} {role,-18} {(regions.Length == 0 ? "all regions" : regions),-12} {displayName}");
        }

        Console.WriteLine();
    }
}
