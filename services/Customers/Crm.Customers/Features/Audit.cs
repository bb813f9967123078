using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;

namespace Crm.Customers.Features;

/// <summary>Audits what is not a change of a card (reads of contact details, exports, imports) as the caller.</summary>
internal static class AuditLogging
{
    public static void Audit(this CustomersDbContext db, CurrentUser user, string action, Guid? customerId, object details, DateTimeOffset at) =>
        db.Audit(user.Id, action, customerId, details, at);
}
