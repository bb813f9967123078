using Crm.Contracts.Data;
using Crm.Testing;

namespace Crm.Contracts.Tests;

public sealed class HostileInputTests : ContractsHostTests
{
    [Fact]
    public async Task every_write_endpoint_answers_hostile_bodies_with_400_and_stores_nothing()
    {
        var customer = await KnownCustomer();

        await HostileInput.RefusedAndNothingStored(Host.Client(TestUser.RepEast), "contracts",
            new Dictionary<string, (string, object)>
            {
                ["CreateContract"] = ("/api/contracts", Draft(customer.CustomerId)),
            },
            () => Host.Scoped<ContractsDbContext, string>(HostileInput.Fingerprint));
    }
}
