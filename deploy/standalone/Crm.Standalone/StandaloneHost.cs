using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Complaints;
using Crm.Contracts;
using Crm.Customers;
using Crm.Gateway;
using Crm.Hospitality;
using Crm.Visits;

namespace Crm.Standalone;

/// <summary>
/// The whole platform in one process: the gateway's edge and all five services, SQLite files in one data folder and
/// an in-memory bus. Same URLs, same code paths as the distributed deployment. Built here rather than in Program.cs
/// so that browser tests start exactly what a newcomer runs.
/// </summary>
public static class StandaloneHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var dataDirectory = builder.UseStandaloneDefaults();
        builder.AddServiceDefaults();
        builder.AddGatewayEdge();
        builder.AddCustomersService();
        builder.AddVisitsService();
        builder.AddContractsService();
        builder.AddComplaintsService();
        builder.AddHospitalityService();
        builder.AddMessageBus();

        var app = builder.Build();
        app.UseGatewayEdge();
        app.MapCustomersService();
        app.MapVisitsService();
        app.MapContractsService();
        app.MapComplaintsService();
        app.MapHospitalityService();
        app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app, dataDirectory));
        return app;
    }
}
