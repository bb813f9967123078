using Crm.Hospitality.Data;
using Crm.Testing;

namespace Crm.Hospitality.Tests;

public sealed class HospitalityCustomerReadModelTests : CustomerReadModelTests<HospitalityDbContext>
{
    protected override string RoutePrefix => "/api/hospitality";

    protected override Task<ServiceTestHost> StartHost() =>
        ServiceTestHost.StartAsync(b => b.AddHospitalityService(), a => a.MapHospitalityService());
}
