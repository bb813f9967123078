using Crm.BuildingBlocks.Messaging;
using Crm.Hospitality.Data;
using Crm.IntegrationEvents;

namespace Crm.Hospitality.Features;

/// <summary>
/// The default sink of <see cref="HospitalityNotification"/> (queue <c>hospitality-notifications</c>): the log. A mail or
/// IM integration consumes the same event on a queue of its own.
/// </summary>
public sealed class NotificationLogSink(HospitalityDbContext db, TimeProvider time, ILogger<NotificationLogSink> logger)
    : IdempotentConsumer<HospitalityNotification, HospitalityDbContext>(db, time)
{
    public const string Queue = HospitalityService.Name + "-notifications";

    protected override Task Handle(HospitalityNotification message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notify {Recipient} ({Region}, by {Channel}): {Message}", message.ToUser ?? message.ToRole, message.Region, message.Channel, message.Message);
        return Task.CompletedTask;
    }
}
