using Crm.Testing;
using Microsoft.Extensions.Options;

namespace Crm.Complaints.Tests;

/// <summary>A wrong setting stops the process at start, naming the setting, instead of misbehaving later.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Complaints:EscalationBatchSize", "0", "EscalationBatchSize")]
    [InlineData("Complaints:EscalationIntervalSeconds", "-5", "EscalationIntervalSeconds")]
    [InlineData("Complaints:TopLevelRecipients", "", "TopLevelRecipients")]
    [InlineData("Database:MaxPoolSize", "0", "MaxPoolSize")]
    [InlineData("Retention:InboxDays", "0", "InboxDays")]
    [InlineData("Outbox:PollMilliseconds", "0", "PollMilliseconds")]
    [InlineData("Auth:Authority", "not a url", "Authority")]
    [InlineData("Auth:TokenLifetimeMinutes", "0", "TokenLifetimeMinutes")]
    public async Task a_wrong_setting_stops_the_service_at_start_naming_it(string key, string value, string setting)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceTestHost.StartAsync(
            b => b.AddComplaintsService(),
            a => a.MapComplaintsService(),
            new Dictionary<string, string?> { [key] = value, ["Complaints:EscalationEnabled"] = "false" }));

        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }
}
