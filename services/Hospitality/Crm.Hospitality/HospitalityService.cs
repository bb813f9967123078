using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.BuildingBlocks.Messaging;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;

namespace Crm.Hospitality;

/// <summary>The Hospitality service: customers' visits to the company: applications, approvals, permits and reception.</summary>
public static class HospitalityService
{
    public const string Name = "hospitality";

    public static IHostApplicationBuilder AddHospitalityService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HospitalityDbContext, HospitalitySqliteDbContext, HospitalityPostgresDbContext, HospitalitySqlServerDbContext>("Hospitality");
        builder.AddServiceOpenApi(Name);
        builder.AddCustomerSnapshots<HospitalityDbContext>(Name);
        builder.Services.AddOptions<HospitalityOptions>().BindConfiguration("Hospitality").ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Hospitality:TimeZone must be an IANA time zone id, such as Asia/Shanghai.")
            .ValidateOnStart();
        builder.AddConsumer<NotificationLogSink>(NotificationLogSink.Queue);
        if (builder.Configuration.GetValue("Hospitality:SeedDemoData", false))
        {
            builder.Services.AddHostedService<SeedDemoHospitality>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapHospitalityService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospitality").WithGroupName(Name).WithTags("Hospitality").RequireAuthorization(Policies.Staff);
        api.MapCustomerSnapshots<HospitalityDbContext>();
        api.MapApprovalRules();
        api.MapApplications();
        api.MapReceptionStandards();
        api.MapGate();
        api.MapPrintedPermits();
        api.MapVisitCalendar();
        api.MapAuditLog<HospitalityDbContext>("GetHospitalityAuditLog", "company visit application", typeof(AuditActions));
        return app;
    }
}
