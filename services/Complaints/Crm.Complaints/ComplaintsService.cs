using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.Complaints.Data;

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
        return builder;
    }

    public static IEndpointRouteBuilder MapComplaintsService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/complaints").WithGroupName(Name).WithTags("Complaints");
        api.MapCustomerSnapshots<ComplaintsDbContext>();
        return app;
    }
}
