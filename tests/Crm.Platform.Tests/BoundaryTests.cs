using System.Reflection;

namespace Crm.Platform.Tests;

/// <summary>
/// Services talk only through integration events: none may reference another service's assembly, and the shared
/// event assembly depends on nothing of the platform, so no service's internals can leak into the published language.
/// </summary>
public sealed class BoundaryTests
{
    private static readonly Assembly[] Services =
    [
        typeof(Crm.Customers.CustomersService).Assembly,
        typeof(Crm.Visits.VisitsService).Assembly,
        typeof(Crm.Contracts.ContractsService).Assembly,
        typeof(Crm.Complaints.ComplaintsService).Assembly,
        typeof(Crm.Hospitality.HospitalityService).Assembly,
    ];

    public static TheoryData<string> ServiceNames => new(Services.Select(s => s.GetName().Name!));

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_references_no_other_service(string service)
    {
        var assembly = Services.Single(s => s.GetName().Name == service);
        var others = Services.Where(s => s != assembly).Select(s => s.GetName().Name).ToHashSet();
        var references = assembly.GetReferencedAssemblies().Select(r => r.Name);
        Assert.DoesNotContain(references, others.Contains);
    }

    [Fact]
    public void The_integration_events_depend_on_nothing_of_the_platform()
    {
        var references = typeof(Crm.IntegrationEvents.IntegrationEvent).Assembly.GetReferencedAssemblies().Select(r => r.Name!);
        Assert.DoesNotContain(references, r => r.StartsWith("Crm.", StringComparison.Ordinal));
    }
}
