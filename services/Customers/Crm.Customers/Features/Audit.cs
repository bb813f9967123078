using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;

namespace Crm.Customers.Features;

/// <summary>Stages an audit line in the same unit of work as the change it records.</summary>
internal static class AuditLogging
{
    // Enums by name, as the API shows them: a number in the log would change meaning if an enum were reordered.
    private static readonly JsonSerializerOptions Json = new(EventJson.Options)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Audit(this CustomersDbContext db, CurrentUser user, string action, Guid? customerId, object details, DateTimeOffset at) =>
        db.Audit(user.Id, action, customerId, details, at);

    /// <summary>For changes that arrive as events: <paramref name="userId"/> is the person the event names.</summary>
    public static void Audit(this CustomersDbContext db, string userId, string action, Guid? customerId, object details, DateTimeOffset at) =>
        db.AuditLog.Add(new AuditEntry(userId, action, customerId, JsonSerializer.Serialize(details, Json), at));

    public static void AuditChanges(this CustomersDbContext db, CurrentUser user, string action, Guid customerId, IEnumerable<FieldChange> changes, DateTimeOffset at) =>
        db.Audit(user, action, customerId, new { changes = changes.ToList() }, at);
}
