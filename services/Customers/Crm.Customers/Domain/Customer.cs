using System.Globalization;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>What a card says about the customer, as one value so that registering, updating and importing agree.</summary>
public sealed record CustomerProfile(
    string Name, CustomerKind Kind, string Region, string Territory, string Address, double? Latitude, double? Longitude,
    string Phone, CustomerTier Tier, CoordinateDatum Datum = CoordinateDatum.Wgs84);

/// <summary>
/// The customer relationship card (客户关系卡片) and its place in the pipeline. Every grade change is kept with who,
/// when, from, to and why; the version increases with every change and guards against lost updates. A customer is
/// never deleted: an invalid one is deregistered (注销) with a reason and leaves the pipeline. Every change raises a
/// domain event with who, when and what changed, from which the DbContext writes the integration events and the audit log.
/// </summary>
public sealed class Customer : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    public const string DefaultCurrency = "CNY";

    private readonly List<GradeChange> gradeHistory = [];
    private readonly List<KeyPerson> keyPersons = [];

    private Customer()
    {
    }

    public Guid Id { get; private init; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CustomerKind Kind { get; private set; }
    public string Region { get; private set; } = "";
    public string Territory { get; private set; } = "";
    public string Address { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary>The datum of <see cref="Latitude"/> and <see cref="Longitude"/>.</summary>
    public CoordinateDatum Datum { get; private set; }
    public string Phone { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public CustomerTier Tier { get; private set; }
    public CustomerGrade Grade { get; private set; }
    public CustomerStatus Status { get; private set; }
    public DateTimeOffset? DeregisteredAt { get; private set; }
    public string? DeregistrationReason { get; private set; }
    public DateTimeOffset? LastVerifiedAt { get; private set; }
    public decimal CreditLimit { get; private set; }
    public string CreditCurrency { get; private set; } = DefaultCurrency;
    public DateTimeOffset RegisteredAt { get; private init; }
    public string RegisteredBy { get; private init; } = "";
    public long Version { get; private set; }

    public IReadOnlyList<GradeChange> GradeHistory => gradeHistory;

    public IReadOnlyList<KeyPerson> KeyPersons => keyPersons;

    public CustomerProfile Profile => new(Name, Kind, Region, Territory, Address, Latitude, Longitude, Phone, Tier, Datum);

    private CustomerCard Card => new(Id, Code, Profile, OwnerId, Grade, Status, CreditLimit, CreditCurrency, Version);

    public static Customer Register(
        string code, string name, CustomerKind kind, string region, string address, string ownerId, CustomerTier tier,
        CustomerGrade grade, string registeredBy, DateTimeOffset at) =>
        Register(code, new CustomerProfile(name, kind, region, "", address, null, null, "", tier), ownerId, grade, registeredBy, at);

    /// <param name="source">Where the card came from when it was not typed in (e.g. a CSV row), for the audit log.</param>
    public static Customer Register(
        string code, CustomerProfile profile, string ownerId, CustomerGrade grade, string registeredBy, DateTimeOffset at,
        DateTimeOffset? lastVerifiedAt = null, string? source = null)
    {
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(at),
            Code = code,
            OwnerId = ownerId,
            Grade = grade,
            Status = CustomerStatus.Active,
            RegisteredAt = at,
            RegisteredBy = registeredBy,
            LastVerifiedAt = lastVerifiedAt,
            Version = 1,
        };
        customer.Apply(profile);
        customer.gradeHistory.Add(new GradeChange(customer.Id, from: null, grade, "Registered", registeredBy, at, sourceId: null));
        customer.Raise(new CustomerRegisteredDomainEvent(customer.Card, source, registeredBy, at));
        return customer;
    }

    /// <summary>
    /// Replaces the profile and the owner as one change (one version, one event) and returns what changed (empty:
    /// nothing, and the version stays).
    /// </summary>
    public IReadOnlyList<FieldChange> Update(CustomerProfile profile, string ownerId, string by, DateTimeOffset at, string? source = null)
    {
        EnsureActive();
        var changes = Diff(Profile, profile);
        Compare(changes, "ownerId", OwnerId, ownerId);
        if (changes.Count > 0)
        {
            Apply(profile);
            OwnerId = ownerId;
            Version++;
            Raise(new CustomerProfileChangedDomainEvent(Card, changes, source, by, at));
        }

        return changes;
    }

    /// <summary>Hands the customer to another rep, with a reason; false when the owner is the same.</summary>
    public bool ReassignOwner(string ownerId, string reason, string by, DateTimeOffset at)
    {
        EnsureActive();
        if (ownerId == OwnerId)
        {
            return false;
        }

        var change = new FieldChange("ownerId", OwnerId, ownerId);
        OwnerId = ownerId;
        Version++;
        Raise(new CustomerOwnerReassignedDomainEvent(Card, change, reason, by, at));
        return true;
    }

    /// <summary>Moves the customer to another grade, up or down; a change to the grade it already has changes nothing.</summary>
    /// <returns>The previous grade, or null when nothing changed.</returns>
    public CustomerGrade? ChangeGrade(CustomerGrade to, string reason, string changedBy, DateTimeOffset at, string? sourceId = null)
    {
        EnsureActive();
        if (to == Grade)
        {
            return null;
        }

        var from = Grade;
        gradeHistory.Add(new GradeChange(Id, from, to, reason, changedBy, at, sourceId));
        Grade = to;
        Version++;
        Raise(new CustomerGradeChangedDomainEvent(Card, from, reason, sourceId, changedBy, at));
        return from;
    }

    /// <summary>
    /// Deregisters the customer (注销无效客户): the card stays, with the reason and the date, and it leaves the pipeline.
    /// Deregistering twice is refused, so the first reason and date are never overwritten.
    /// </summary>
    public void Deregister(string reason, string by, DateTimeOffset at)
    {
        EnsureActive();
        Status = CustomerStatus.Deregistered;
        DeregisteredAt = at;
        DeregistrationReason = reason;
        Version++;
        Raise(new CustomerDeregisteredDomainEvent(Card, reason, by, at));
    }

    /// <summary>The card was checked with the customer and is accurate (准确性、有效性、时效性).</summary>
    public void MarkVerified(string by, DateTimeOffset at)
    {
        EnsureActive();
        var previous = LastVerifiedAt;
        LastVerifiedAt = at;
        Version++;
        Raise(new CustomerVerifiedDomainEvent(Card, previous, by, at));
    }

    /// <summary>
    /// Publishes the card as it stands again, for read models that lost an event (an operator's resync). Nothing changes,
    /// deregistered cards included: the version stays, so a read model that is up to date ignores it.
    /// </summary>
    public void Republish(string by, DateTimeOffset at) => Raise(new CustomerRepublishedDomainEvent(Card, by, at));

    /// <summary>Sets the credit limit; returns the history entry, or null when the limit is already that amount.</summary>
    public CreditLimitChange? SetCreditLimit(decimal limit, string reason, string changedBy, DateTimeOffset at)
    {
        EnsureActive();
        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), "A credit limit cannot be negative.");
        }

        if (limit == CreditLimit)
        {
            return null;
        }

        var change = new CreditLimitChange(Id, CreditLimit, limit, CreditCurrency, reason, changedBy, at);
        CreditLimit = limit;
        Version++;
        Raise(new CustomerCreditLimitChangedDomainEvent(Card, change.From, reason, changedBy, at));
        return change;
    }

    public KeyPerson AddKeyPerson(KeyPersonDetails details, string by, DateTimeOffset at)
    {
        EnsureActive();
        var person = new KeyPerson(Id, details);
        keyPersons.Add(person);
        Version++;
        Raise(new KeyPersonAddedDomainEvent(Card, person.Id, person.Details, by, at));
        return person;
    }

    /// <summary>Replaces a key person's details; returns what changed.</summary>
    public IReadOnlyList<FieldChange> UpdateKeyPerson(KeyPerson person, KeyPersonDetails details, string by, DateTimeOffset at)
    {
        EnsureActive();
        var changes = person.Replace(details);
        if (changes.Count > 0)
        {
            Version++;
            Raise(new KeyPersonChangedDomainEvent(Card, person.Id, changes, by, at));
        }

        return changes;
    }

    public void RemoveKeyPerson(KeyPerson person, string by, DateTimeOffset at)
    {
        EnsureActive();
        keyPersons.Remove(person);
        Version++;
        Raise(new KeyPersonRemovedDomainEvent(Card, person.Id, person.Details, by, at));
    }

    /// <summary>An evaluation (客户评价) weighs a customer in the pipeline; a deregistered one is no longer evaluated.</summary>
    public Evaluation Evaluate(
        CriteriaScores scores, EvaluationSettings settings, DealerCapability capability, CreditRating creditRating,
        ComplaintContext complaints, string notes, string evaluatedBy, DateTimeOffset evaluatedAt)
    {
        EnsureActive();
        return new Evaluation(Id, scores, settings, capability, creditRating, complaints, notes, evaluatedBy, evaluatedAt);
    }

    private void EnsureActive()
    {
        if (Status == CustomerStatus.Deregistered)
        {
            throw new DomainRuleException($"Customer {Code} was deregistered on {DeregisteredAt:yyyy-MM-dd}; its card can no longer change.");
        }
    }

    private void Apply(CustomerProfile p)
    {
        Name = p.Name;
        Kind = p.Kind;
        Region = p.Region;
        Territory = p.Territory;
        Address = p.Address;
        Latitude = p.Latitude;
        Longitude = p.Longitude;
        Datum = p.Datum;
        Phone = p.Phone;
        Tier = p.Tier;
    }

    private static List<FieldChange> Diff(CustomerProfile old, CustomerProfile now)
    {
        var changes = new List<FieldChange>();
        Compare(changes, "name", old.Name, now.Name);
        Compare(changes, "kind", old.Kind.ToString(), now.Kind.ToString());
        Compare(changes, "region", old.Region, now.Region);
        Compare(changes, "territory", old.Territory, now.Territory);
        Compare(changes, "address", old.Address, now.Address);
        Compare(changes, "latitude", Text(old.Latitude), Text(now.Latitude));
        Compare(changes, "longitude", Text(old.Longitude), Text(now.Longitude));
        Compare(changes, "datum", old.Datum.ToString(), now.Datum.ToString());
        Compare(changes, "phone", old.Phone, now.Phone);
        Compare(changes, "tier", old.Tier.ToString(), now.Tier.ToString());
        return changes;
    }

    internal static void Compare(List<FieldChange> changes, string field, string? from, string? to)
    {
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    private static string? Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
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

    /// <summary>Increases with every change, so within one customer it also orders the history in time.</summary>
    public long Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public CustomerGrade? From { get; private init; }
    public CustomerGrade To { get; private init; }
    public string Reason { get; private init; } = "";
    public string ChangedBy { get; private init; } = "";
    public DateTimeOffset ChangedAt { get; private init; }
    public string? SourceId { get; private init; }

    /// <summary>
    /// When this grade stopped holding in the pipeline: the time of the customer's next change, or of its
    /// deregistration; null while it holds. The grade at a date T is then the change with ChangedAt ≤ T &lt; ValidUntil,
    /// a plain range filter the database answers in one pass (see CustomersDbContext, which keeps it).
    /// </summary>
    public DateTimeOffset? ValidUntil { get; internal set; }
}

/// <summary>One change of a customer's credit limit: from, to, why, who and when.</summary>
public sealed class CreditLimitChange
{
    private CreditLimitChange()
    {
    }

    internal CreditLimitChange(Guid customerId, decimal from, decimal to, string currency, string reason, string changedBy, DateTimeOffset changedAt)
    {
        CustomerId = customerId;
        From = from;
        To = to;
        Currency = currency;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public long Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public decimal From { get; private init; }
    public decimal To { get; private init; }
    public string Currency { get; private init; } = Customer.DefaultCurrency;
    public string Reason { get; private init; } = "";
    public string ChangedBy { get; private init; } = "";
    public DateTimeOffset ChangedAt { get; private init; }
}
