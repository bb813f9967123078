using Crm.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// Optimistic concurrency over HTTP: reads return the aggregate's version as an ETag, and a write that sends
/// If-Match with an older version is refused with 409 instead of overwriting someone else's change.
/// </summary>
public static class Versioning
{
    public static string ETag(long version) => ETag(version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string ETag(string tag) => $"\"{tag}\"";

    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETag(version);

    public static void SetETag(this HttpResponse response, string tag) => response.Headers.ETag = ETag(tag);

    /// <summary>Throws a 409 when the request carries If-Match and it names another version than the current one.</summary>
    public static void EnsureMatches(this HttpRequest request, long currentVersion) =>
        request.EnsureMatches(currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The same for a resource whose tag is not a counter (e.g. a hash of a set that is replaced whole).</summary>
    public static void EnsureMatches(this HttpRequest request, string currentTag)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*")
        {
            return;
        }

        var expected = ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim().Trim('"');
        if (expected != currentTag)
        {
            throw new StaleVersionException($"The resource is at version {currentTag}, not {expected}. Reload it and try again.");
        }
    }
}
