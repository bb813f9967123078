using Crm.Portal.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Crm.Portal.Components.Shared;

/// <summary>Where the user's device is (WGS-84), from the browser's geolocation, asked when the user presses a button.</summary>
public sealed class BrowserGeolocation(IJSRuntime js, IStringLocalizer<Text> t)
{
    public sealed record Position(double Latitude, double Longitude);

    /// <summary>The position, or why there is none, in the user's language.</summary>
    public async Task<(Position? Position, string? Refusal)> CurrentAsync()
    {
        try
        {
            await using var geolocation = await js.InvokeAsync<IJSObjectReference>("import", "./_content/Crm.Portal/geolocation.js");
            return (await geolocation.InvokeAsync<Position>("currentPosition"), null);
        }
        catch (JSException e)
        {
            return (null, e.Message.Contains("denied", StringComparison.Ordinal) ? t["Visit.PositionDenied"] : t["Visit.PositionUnavailable"]);
        }
    }
}
