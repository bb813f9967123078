namespace Crm.Standalone;

public static class StandaloneDefaults
{
    private static readonly string[] Databases = ["Gateway", "Customers", "Visits", "Contracts", "Complaints", "Hospitality"];

    /// <summary>
    /// SQLite files and the token signing key in one data folder (<c>Standalone:DataDirectory</c>, default ./data),
    /// the in-memory bus, and demo users, customers, visits and hospitality applications created on first start. Any of it can be overridden by
    /// configuration; a second start finds the same folder and keeps its data.
    /// </summary>
    public static string UseStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var dataDirectory = Path.GetFullPath(builder.Configuration["Standalone:DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data"));
        Directory.CreateDirectory(dataDirectory);
        var defaults = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Bus:Transport"] = "InMemory",
            ["Auth:SigningKeyPath"] = Path.Combine(dataDirectory, "signing-key.pem"),
            ["Gateway:SeedDemoUsers"] = "true",
            ["Customers:SeedDemoData"] = "true",
            ["Visits:SeedDemoData"] = "true",
            ["Hospitality:SeedDemoData"] = "true",
            ["Contracts:SeedDemoData"] = "true",

            // Blazor's hub maps a static-file fallback of its own, which warns that this host has no wwwroot: it has
            // none by design, the portal's files are served from the static assets manifest.
            ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
        };
        foreach (var name in Databases)
        {
            defaults[$"ConnectionStrings:{name}"] = $"Data Source={Path.Combine(dataDirectory, name.ToLowerInvariant() + ".db")}";
        }

        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
        return dataDirectory;
    }
}
