using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Crm.Visits.Features;

namespace Crm.Visits;

/// <summary>The Visits service: visit plans, routes, visits and their reports, for the customers it knows from Customers' events.</summary>
public static class VisitsService
{
    public const string Name = "visits";

    public static IHostApplicationBuilder AddVisitsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<VisitsDbContext, VisitsSqliteDbContext, VisitsPostgresDbContext, VisitsSqlServerDbContext>("Visits");
        builder.AddServiceOpenApi(Name);
        builder.AddCustomerSnapshots<VisitsDbContext>(Name);
        builder.Services.AddOptions<VisitsOptions>().BindConfiguration("Visits").ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Visits:TimeZone must be an IANA time zone id, such as Asia/Shanghai.")
            .ValidateOnStart();
        builder.AddDayRoutes();
        builder.AddConsumer<BusinessCalendarChangedConsumer>(WorkingCalendars.Queue);
        builder.AddConsumer<CustomerOwnerChangedConsumer>(CustomerChanges.Queue);
        builder.AddConsumer<CustomerDeregisteredConsumer>(CustomerChanges.Queue);
        if (builder.Configuration.GetValue("Visits:SeedDemoData", false))
        {
            builder.Services.AddHostedService<SeedDemoVisits>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapVisitsService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/visits").WithGroupName(Name).WithTags("Visits").RequireAuthorization(Policies.Staff);
        api.MapCustomerSnapshots<VisitsDbContext>();
        api.MapFrequencyPolicies();
        api.MapDueVisits();
        api.MapScheduleVisit();
        api.MapVisits();
        api.MapCheckIn();
        api.MapCancelVisit();
        api.MapVisitReports();
        api.MapDayRoute();
        api.MapCoverageReport();
        api.MapVisitPlans();
        api.MapAuditLog<VisitsDbContext>("GetVisitAuditLog", "visit, visit plan or visit frequency", typeof(AuditActions));
        return app;
    }
}
