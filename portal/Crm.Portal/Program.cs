using Crm.BuildingBlocks.Hosting;
using Crm.Portal;

var builder = WebApplication.CreateBuilder(args);

// Run from a build (deploy/local), its files are where the static web assets manifest says; a publish copies them.
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
builder.AddPortal();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.MapPortal();
app.Run();
