using Crm.Visits.Data;
using Crm.Testing;

namespace Crm.Visits.Tests;

public sealed class VisitsCustomerReadModelTests : CustomerReadModelTests<VisitsDbContext>
{
    protected override string RoutePrefix => "/api/visits";

    protected override Task<ServiceTestHost> StartHost() =>
        ServiceTestHost.StartAsync(b => b.AddVisitsService(), a => a.MapVisitsService());
}
