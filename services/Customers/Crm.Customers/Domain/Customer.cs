using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>
/// The customer relationship card (客户关系卡片) and its place in the pipeline. Every grade change is kept with who,
/// when, from, to and why; the version increases with every change and guards against lost updates.
/// </summary>
public sealed class Customer : IRegionOwned
{
    private readonly List<GradeChange> gradeHistory = [];

    private Customer()
    {
    }

    public Guid Id { get; private init; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CustomerKind Kind { get; private set; }
    public string Region { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public CustomerTier Tier { get; private set; }
    public CustomerGrade Grade { get; private set; }
    public DateTimeOffset RegisteredAt { get; private init; }
    public string RegisteredBy { get; private init; } = "";
    public long Version { get; private set; }

    public IReadOnlyList<GradeChange> GradeHistory => gradeHistory;

    public static Customer Register(
        string code, string name, CustomerKind kind, string region, string address, string ownerId, CustomerTier tier,
        CustomerGrade grade, string registeredBy, DateTimeOffset at)
    {
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(at),
            Code = code,
            Name = name,
            Kind = kind,
            Region = region,
            Address = address,
            OwnerId = ownerId,
            Tier = tier,
            Grade = grade,
            RegisteredAt = at,
            RegisteredBy = registeredBy,
            Version = 1,
        };
        customer.gradeHistory.Add(new GradeChange(customer.Id, from: null, grade, "Registered", registeredBy, at, sourceId: null));
        return customer;
    }

    /// <summary>Replaces the card's profile; returns false when nothing differs, so no version or event is spent on it.</summary>
    public bool UpdateProfile(string name, CustomerKind kind, string region, string address, string ownerId, CustomerTier tier)
    {
        if (name == Name && kind == Kind && region == Region && address == Address && ownerId == OwnerId && tier == Tier)
        {
            return false;
        }

        Name = name;
        Kind = kind;
        Region = region;
        Address = address;
        OwnerId = ownerId;
        Tier = tier;
        Version++;
        return true;
    }

    /// <summary>Moves the customer to another grade, up or down; a change to the grade it already has changes nothing.</summary>
    /// <returns>The previous grade, or null when nothing changed.</returns>
    public CustomerGrade? ChangeGrade(CustomerGrade to, string reason, string changedBy, DateTimeOffset at, string? sourceId = null)
    {
        if (to == Grade)
        {
            return null;
        }

        var from = Grade;
        gradeHistory.Add(new GradeChange(Id, from, to, reason, changedBy, at, sourceId));
        Grade = to;
        Version++;
        return from;
    }
}

/// <summary>One step in a customer's pipeline history. <see cref="SourceId"/> names what caused it (a contract, a visit).</summary>
public sealed class GradeChange
{
    private GradeChange()
    {
    }

    internal GradeChange(Guid customerId, CustomerGrade? from, CustomerGrade to, string reason, string changedBy, DateTimeOffset changedAt, string? sourceId)
    {
        CustomerId = customerId;
        From = from;
        To = to;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        SourceId = sourceId;
    }

    public long Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public CustomerGrade? From { get; private init; }
    public CustomerGrade To { get; private init; }
    public string Reason { get; private init; } = "";
    public string ChangedBy { get; private init; } = "";
    public DateTimeOffset ChangedAt { get; private init; }
    public string? SourceId { get; private init; }
}
