using Crm.BuildingBlocks.Domain;

namespace Crm.Customers.Domain;

/// <summary>What a key person's role is in the customer's buying decision.</summary>
public enum DecisionRole { DecisionMaker, Influencer, User, Gatekeeper }

public sealed record KeyPersonDetails(
    string Name, string WorkUnit, string Position, DecisionRole Role, bool HasDecisionPower, string Phone, string Email, string Notes);

/// <summary>
/// A key person (关键人) inside a customer: who decides or influences, where they stand among the key persons, and
/// whether the person met has decision power. Part of the customer's card; changed only through <see cref="Customer"/>.
/// </summary>
public sealed class KeyPerson
{
    private KeyPerson()
    {
    }

    internal KeyPerson(Guid customerId, KeyPersonDetails details)
    {
        Id = Guid.CreateVersion7();
        CustomerId = customerId;
        Apply(details);
    }

    public Guid Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public string Name { get; private set; } = "";
    public string WorkUnit { get; private set; } = "";
    public string Position { get; private set; } = "";
    public DecisionRole Role { get; private set; }
    public bool HasDecisionPower { get; private set; }
    public string Phone { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Notes { get; private set; } = "";

    public KeyPersonDetails Details => new(Name, WorkUnit, Position, Role, HasDecisionPower, Phone, Email, Notes);

    internal IReadOnlyList<FieldChange> Replace(KeyPersonDetails details)
    {
        var old = Details;
        var changes = new List<FieldChange>();
        Customer.Compare(changes, "name", old.Name, details.Name);
        Customer.Compare(changes, "workUnit", old.WorkUnit, details.WorkUnit);
        Customer.Compare(changes, "position", old.Position, details.Position);
        Customer.Compare(changes, "role", old.Role.ToString(), details.Role.ToString());
        Customer.Compare(changes, "hasDecisionPower", old.HasDecisionPower.ToString(), details.HasDecisionPower.ToString());
        Customer.Compare(changes, "phone", old.Phone, details.Phone);
        Customer.Compare(changes, "email", old.Email, details.Email);
        Customer.Compare(changes, "notes", old.Notes, details.Notes);
        Apply(details);
        return changes;
    }

    private void Apply(KeyPersonDetails d)
    {
        Name = d.Name;
        WorkUnit = d.WorkUnit;
        Position = d.Position;
        Role = d.Role;
        HasDecisionPower = d.HasDecisionPower;
        Phone = d.Phone;
        Email = d.Email;
        Notes = d.Notes;
    }
}
