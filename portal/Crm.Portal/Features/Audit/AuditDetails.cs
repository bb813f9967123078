using System.Text.Json;

namespace Crm.Portal.Features.Audit;

/// <summary>
/// An audit entry's details (JSON, as every service writes them) as lines to read: each changed field as
/// "field: old → new", then the other values (reason, source, counts) as "name: value".
/// </summary>
public static class AuditDetails
{
    public static IReadOnlyList<string> Lines(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [details];
            }

            var lines = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "changes" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    lines.AddRange(property.Value.EnumerateArray().Select(Change));
                }
                else if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    lines.Add($"{property.Name}: {Text(property.Value)}");
                }
            }

            return lines;
        }
        catch (JsonException)
        {
            return [details];
        }
    }

    // A null old or new value is left out of the JSON.
    private static string Change(JsonElement change) => $"{Field(change, "field")}: {Field(change, "from")} → {Field(change, "to")}";

    private static string Field(JsonElement change, string name) => change.TryGetProperty(name, out var value) ? Text(value) : "—";

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "—",
        _ => value.GetRawText(),
    };
}
