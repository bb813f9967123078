using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;

namespace Crm.Complaints;

/// <summary>The Complaints service: complaints, their routing to departments, SLAs and escalation.</summary>
public static class ComplaintsService
{
    public const string Name = "complaints";

    public static IHostApplicationBuilder AddComplaintsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ComplaintsDbContext, ComplaintsSqliteDbContext, ComplaintsPostgresDbContext, ComplaintsSqlServerDbContext>("Complaints");
        builder.AddServiceOpenApi(Name);
        builder.AddCustomerSnapshots<ComplaintsDbContext>(Name);
        builder.AddConsumer<ComplaintRaisedOnVisitConsumer>(ComplaintRaisedOnVisitConsumer.Queue);
        builder.Services.AddOptions<ComplaintsOptions>().Bind(builder.Configuration.GetSection("Complaints")).ValidateDataAnnotations().ValidateOnStart();
        // Registered after the database's migration, so the defaults are seeded into an up-to-date schema.
        builder.Services.AddHostedService<SeedComplaintsConfiguration>();
        builder.Services.AddSingleton<EscalationSweep>();
        if (builder.Configuration.GetValue("Complaints:EscalationEnabled", true))
        {
            builder.Services.AddHostedService<EscalationSweeper>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapComplaintsService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/complaints").WithGroupName(Name).WithTags("Complaints").RequireAuthorization(Policies.Staff);
        api.MapCustomerSnapshots<ComplaintsDbContext>();
        api.MapFileComplaint();
        api.MapGetComplaint();
        api.MapListComplaints();
        api.MapWorkComplaint();
        api.MapManageRouting();
        api.MapManageConfiguration();
        api.MapComplaintReports();
        api.MapAuditLog<ComplaintsDbContext>("GetComplaintAuditLog", "complaint", typeof(AuditActions));
        return app;
    }
}
