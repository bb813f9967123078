using Crm.BuildingBlocks.Hosting;
using Crm.Portal;

var builder = WebApplication.CreateBuilder(args);

// Run from a build (deploy/local), its files are where the static web assets manifest says; a publish copies them.
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
builder.AddPortal();

var app = builder.Build();
app.UseForwardedHeaders();

// The pages name the portal's files under _content/Crm.Portal (StaticWebAssetBasePath), where the standalone host serves
// them; in its own process the portal serves its own files at its root, so that prefix is taken off before routing.
app.UsePathBase("/_content/Crm.Portal");
app.UseRouting();
app.UseServiceDefaults();
app.MapPortal();
app.Run();
