using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class AuditDetailsTests : CustomersHostTests
{
    [Fact]
    public async Task audit_details_name_enum_values_as_the_api_does()
    {
        var customer = await Register(TestUser.RepEast);

        var entry = Assert.Single((await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/audit?subjectId={customer.Id}&action={AuditActions.Registered}")
            .Read<PagedResult<AuditEntryResponse>>()).Items);

        var profile = JsonDocument.Parse(entry.Details).RootElement.GetProperty("profile");
        Assert.Equal(("Dealer", "Key"), (profile.GetProperty("kind").GetString(), profile.GetProperty("tier").GetString()));
    }

    [Theory]
    [MemberData(nameof(AuditLogs.BadFilters), MemberType = typeof(AuditLogs))]
    public async Task a_filter_the_log_cannot_use_is_refused_naming_the_field(string query, string field) =>
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/audit?{query}").ReadValidationProblem(field);
}
