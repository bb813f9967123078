using System.Reflection;
using NetArchTest.Rules;

namespace Crm.Platform.Tests;

/// <summary>
/// The domain holds the invariants and nothing else: its types depend on nothing of HTTP, EF Core or the bus, so they
/// can be reasoned about and tested on their own. A feature works with its own service only; others are reached by events.
/// The portal is a client of the services' public APIs only: no service, no database, no bus.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Infrastructure = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MassTransit"];

    private static readonly Assembly[] Services =
    [
        typeof(Crm.Customers.CustomersService).Assembly,
        typeof(Crm.Visits.VisitsService).Assembly,
        typeof(Crm.Contracts.ContractsService).Assembly,
        typeof(Crm.Complaints.ComplaintsService).Assembly,
        typeof(Crm.Hospitality.HospitalityService).Assembly,
    ];

    private static readonly Assembly BuildingBlocks = typeof(Crm.BuildingBlocks.Domain.AggregateRoot).Assembly;

    /// <summary>Every domain namespace: each service's <c>*.Domain</c> and the building blocks' own.</summary>
    private static readonly string[] Domains = Services.Append(BuildingBlocks)
        .SelectMany(a => a.GetTypes())
        .Select(t => t.Namespace)
        .OfType<string>()
        .Where(n => n.EndsWith(".Domain", StringComparison.Ordinal))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> DomainNamespaces => new(Domains);

    public static TheoryData<string> ServiceNames => new(Services.Select(s => s.GetName().Name!));

    [Fact]
    public void The_domains_of_the_services_with_aggregates_are_checked()
    {
        Assert.Subset(
            Domains.ToHashSet(),
            new HashSet<string> { "Crm.BuildingBlocks.Domain", "Crm.Complaints.Domain", "Crm.Contracts.Domain", "Crm.Customers.Domain" });
    }

    [Theory]
    [MemberData(nameof(DomainNamespaces))]
    public void A_domain_type_depends_on_nothing_of_http_ef_core_or_the_bus(string domainNamespace)
    {
        var assembly = Services.Append(BuildingBlocks).Single(a => a.GetTypes().Any(t => t.Namespace == domainNamespace));

        var result = Types.InAssembly(assembly).That().ResideInNamespace(domainNamespace)
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{domainNamespace} depends on infrastructure: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_feature_depends_on_no_other_service(string service)
    {
        var assembly = Services.Single(s => s.GetName().Name == service);
        var others = Services.Where(s => s != assembly).Select(s => s.GetName().Name!).ToArray();

        var result = Types.InAssembly(assembly).That().ResideInNamespaceEndingWith(".Features")
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Features of {service} depend on another service: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_portal_knows_the_services_only_by_their_http_apis()
    {
        var portal = typeof(Crm.Portal.PortalSetup).Assembly;
        var forbidden = Services.Select(s => s.GetName().Name!)
            .Concat(["Microsoft.EntityFrameworkCore", "MassTransit", "Crm.BuildingBlocks.Data", "Crm.BuildingBlocks.Messaging"])
            .ToArray();

        var result = Types.InAssembly(portal).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"The portal reaches past the APIs: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.DoesNotContain(portal.GetReferencedAssemblies(), a => Services.Any(s => s.GetName().Name == a.Name));
    }
}
