using Crm.Contracts.Data;
using Crm.Testing;

namespace Crm.Contracts.Tests;

public sealed class ContractsCustomerReadModelTests : CustomerReadModelTests<ContractsDbContext>
{
    protected override string RoutePrefix => "/api/contracts";

    protected override Task<ServiceTestHost> StartHost() => ContractsHostTests.StartContractsService();
}
