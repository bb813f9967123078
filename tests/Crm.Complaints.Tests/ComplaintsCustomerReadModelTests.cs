using Crm.Complaints.Data;
using Crm.Testing;

namespace Crm.Complaints.Tests;

public sealed class ComplaintsCustomerReadModelTests : CustomerReadModelTests<ComplaintsDbContext>
{
    protected override string RoutePrefix => "/api/complaints";

    protected override Task<ServiceTestHost> StartHost() =>
        ServiceTestHost.StartAsync(b => b.AddComplaintsService(), a => a.MapComplaintsService());
}
