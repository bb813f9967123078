using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Complaints;
using Crm.Contracts;
using Crm.Customers;
using Crm.Gateway;
using Crm.Hospitality;
using Crm.Portal;
using Crm.Visits;

namespace Crm.Standalone;

/// <summary>
/// The whole platform in one process: the gateway's edge, all five services and the portal, SQLite files in one data folder and
/// an in-memory bus. Same URLs, same code paths as the distributed deployment. Built here rather than in Program.cs
/// so that browser tests start exactly what a newcomer runs.
/// </summary>
public static class StandaloneHost
{
    public static WebApplication Build(string[] args)
    {
        // Named after this assembly even when a test host starts it, so the portal's static assets manifest is found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(StandaloneHost).Assembly.GetName().Name });
        var dataDirectory = builder.UseStandaloneDefaults();

        // Run from a build, not a publish: the portal's files and Radzen's are read where the build's static web
        // assets manifest says they are, in every environment (by default only in Development).
        builder.WebHost.UseStaticWebAssets();
        builder.AddServiceDefaults();
        builder.AddGatewayEdge();
        builder.AddCustomersService();
        builder.AddVisitsService();
        builder.AddContractsService();
        builder.AddComplaintsService();
        builder.AddHospitalityService();
        builder.AddMessageBus();
        builder.AddPortal();

        var app = builder.Build();
        app.UseGatewayEdge();
        app.MapCustomersService();
        app.MapVisitsService();
        app.MapContractsService();
        app.MapComplaintsService();
        app.MapHospitalityService();
        app.MapPortal();
        app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app, dataDirectory));
        return app;
    }
}
