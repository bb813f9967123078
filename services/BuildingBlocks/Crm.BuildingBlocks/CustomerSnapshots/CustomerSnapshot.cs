using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.BuildingBlocks.CustomerSnapshots;

/// <summary>
/// The customer as another service knows it: a read model kept from the Customers service's events, never by calling
/// it. Each of Visits, Contracts, Complaints and Hospitality keeps one in its own database.
/// </summary>
public sealed class CustomerSnapshot : IRegionOwned
{
    public Guid Id { get; init; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public CustomerKind Kind { get; set; }
    public string Region { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public CustomerTier Tier { get; set; }
    public CustomerGrade Grade { get; set; }

    /// <summary>A deregistered customer stays known here but gets no new work.</summary>
    public CustomerStatus Status { get; set; }

    public string Address { get; set; } = "";

    /// <summary>The card's coordinates, in <see cref="Datum"/>; null when the card has none.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public CoordinateDatum Datum { get; set; }

    /// <summary>The customer's credit limit (客户信用管理) in <see cref="CreditCurrency"/>; null while none is set.</summary>
    public decimal? CreditLimit { get; set; }

    public string CreditCurrency { get; set; } = "CNY";

    /// <summary>The Customers service's version of the card; older events are ignored.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal void Apply(CustomerEvent e)
    {
        Code = e.Code;
        Name = e.Name;
        Kind = e.Kind;
        Region = e.Region;
        OwnerId = e.OwnerId;
        Tier = e.Tier;
        Grade = e.Grade;
        Status = e.Status;
        Address = e.Address;
        Latitude = e.Latitude;
        Longitude = e.Longitude;
        Datum = e.Datum;
        CreditLimit = e.CreditLimit;
        CreditCurrency = e.CreditCurrency;
        Version = e.Version;
        UpdatedAt = e.OccurredAt;
    }
}

/// <summary>A service database that keeps the customer read model.</summary>
public interface IHasCustomerSnapshots
{
    DbSet<CustomerSnapshot> CustomerSnapshots { get; }
}

public static class CustomerSnapshotModel
{
    public static ModelBuilder ConfigureCustomerSnapshots(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CustomerSnapshot>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Code).HasMaxLength(50);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Region).HasMaxLength(50);
            e.Property(c => c.OwnerId).HasMaxLength(100);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Grade).HasConversion<string>().HasMaxLength(1);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Address).HasMaxLength(500);
            e.Property(c => c.Datum).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.CreditLimit).HasPrecision(18, 2);
            e.Property(c => c.CreditCurrency).HasMaxLength(3);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.Region, c.OwnerId });
        });
        return modelBuilder;
    }
}
