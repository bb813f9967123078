using Microsoft.AspNetCore.Http;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// Optimistic concurrency over HTTP: reads return the aggregate's version as an ETag, and a write that sends
/// If-Match with an older version is refused with 409 instead of overwriting someone else's change.
/// </summary>
public static class Versioning
{
    public static string ETag(long version) => $"\"{version}\"";

    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETag(version);

    /// <summary>Throws a 409 when the request carries If-Match and it names another version than the current one.</summary>
    public static void EnsureMatches(this HttpRequest request, long currentVersion)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*")
        {
            return;
        }

        var expected = ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim().Trim('"');
        if (expected != currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new DomainRuleException($"The resource is at version {currentVersion}, not {expected}. Reload it and try again.");
        }
    }
}
