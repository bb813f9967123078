using Crm.BuildingBlocks.Messaging;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Crm.Testing;

/// <summary>A write endpoint as its service's OpenAPI document describes it.</summary>
public sealed record WriteEndpoint(string Method, string Route, string OperationId, JsonObject? BodySchema);

/// <summary>
/// Bad input against every write endpoint of a service: the endpoints come from the service's own OpenAPI document, so
/// a new endpoint is covered (and must be given a valid body) without anyone remembering to. Each hostile body is a
/// valid one with one value replaced by something a careless or hostile client sends: NaN and infinities, integers for
/// enums, undefined enum names, null list elements, huge lists, overlong strings, huge amounts, values of the wrong type.
/// Every one must be a 400, and the database must be exactly as before.
/// </summary>
public static class HostileInput
{
    private const int HugeList = 20_000;
    private const int LongString = 100_001;

    /// <param name="valid">A valid request per operation id: its URL (path values filled in) and JSON body.</param>
    /// <param name="fingerprint">The service's stored state, compared before and after the hostile requests.</param>
    public static async Task RefusedAndNothingStored(
        HttpClient client, string service, IReadOnlyDictionary<string, (string Url, object Body)> valid, Func<Task<string>> fingerprint)
    {
        var endpoints = await WriteEndpoints(client, service);
        var withBodies = endpoints.Where(e => e.BodySchema is not null).ToList();
        Assert.NotEmpty(withBodies);
        Assert.Equal(withBodies.Select(e => e.OperationId).Order(StringComparer.Ordinal), valid.Keys.Order(StringComparer.Ordinal));

        var document = await Document(client, service);
        var failures = new List<string>();
        foreach (var endpoint in withBodies)
        {
            var (url, body) = valid[endpoint.OperationId];
            var baseBody = JsonSerializer.SerializeToNode(body, TestJson.Options)!.AsObject();
            var before = await fingerprint();
            var sent = 0;
            foreach (var (what, hostile) in Mutations(baseBody, endpoint.BodySchema!, document))
            {
                sent++;
                var response = await Send(client, endpoint.Method, url, hostile.ToJsonString());
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{endpoint.OperationId} with {what}: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }

            if (await fingerprint() != before)
            {
                failures.Add($"{endpoint.OperationId}: the hostile requests changed stored data.");
            }

            Assert.True(sent > 0, $"{endpoint.OperationId}: no hostile body could be made from its schema.");

            // The valid body passes validation, so each 400 above was for the one hostile value.
            var check = await Send(client, endpoint.Method, url, baseBody.ToJsonString());
            if (check.StatusCode == HttpStatusCode.BadRequest || (int)check.StatusCode >= 500)
            {
                failures.Add($"{endpoint.OperationId}: its valid body got {(int)check.StatusCode} {Truncate(await check.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    public static async Task<IReadOnlyList<WriteEndpoint>> WriteEndpoints(HttpClient client, string service)
    {
        var document = await Document(client, service);
        var endpoints = new List<WriteEndpoint>();
        foreach (var (route, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete"))
                {
                    continue;
                }

                var schema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                endpoints.Add(new WriteEndpoint(method.ToUpperInvariant(), route, operation["operationId"]!.GetValue<string>(),
                    schema is null ? null : Resolve(schema, document)));
            }
        }

        return endpoints;
    }

    /// <summary>Every table's row count and the sum of its Version column, if it has one: what a write would move.</summary>
    public static async Task<string> Fingerprint(DbContext db)
    {
        var text = new StringBuilder();
        // The inbox is left out: it records the consumption of messages that earlier, valid requests published, which
        // a service consuming its own events (Hospitality's notification sink) may finish at any moment.
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.ClrType != typeof(InboxMessage))
                     .OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var table = entity.GetTableName()!;
            var version = entity.FindProperty("Version")?.GetColumnName();
            var sql = version is null ? $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"" : $"SELECT COUNT(*) + COALESCE(SUM(\"{version}\"), 0) AS \"Value\" FROM \"{table}\"";
            text.Append(table).Append('=').Append(await db.Database.SqlQueryRaw<long>(sql).SingleAsync()).Append(';');
        }

        return text.ToString();
    }

    private static async Task<JsonObject> Document(HttpClient client, string service) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/{service}/openapi.json"))!.AsObject();

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static IEnumerable<(string What, JsonObject Body)> Mutations(JsonObject baseBody, JsonObject schema, JsonObject document, int depth = 0)
    {
        foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            foreach (var (what, value) in Hostile(Resolve(propertySchema!, document), baseBody[name], document, depth))
            {
                var body = baseBody.DeepClone().AsObject();
                body[name] = value;
                yield return ($"{name} = {what}", body);
            }
        }
    }

    private static IEnumerable<(string What, JsonNode? Value)> Hostile(JsonObject schema, JsonNode? current, JsonObject document, int depth)
    {
        var types = Types(schema);
        if (schema["enum"] is JsonArray names)
        {
            yield return ("99 (an integer for an enum)", 99);
            yield return ("-5 (an integer for an enum)", -5);
            yield return ("\"NoSuchName\"", "NoSuchName");
            if (names.Count > 1)
            {
                // An enum converter parses "A, B" as flags: an undefined value of a non-flags enum.
                yield return ("two names in one", $"{names[0]}, {names[1]}");
            }

            yield break;
        }

        if (types.Contains("array"))
        {
            var items = Resolve(schema["items"]!, document);
            yield return ("[null]", new JsonArray((JsonNode?)null));
            var element = current is JsonArray { Count: > 0 } given ? given[0] : Sample(items);
            yield return ($"{HugeList} elements", new JsonArray(Enumerable.Range(0, HugeList).Select(_ => element?.DeepClone()).ToArray()));
            yield return ("a string for a list", "not a list");
            foreach (var (what, value) in Hostile(items, element, document, depth + 1))
            {
                yield return ($"[{what}]", new JsonArray(value));
            }

            yield break;
        }

        if (schema["properties"] is not null)
        {
            yield return ("a string for an object", "not an object");
            if (depth < 2)
            {
                foreach (var (what, value) in Mutations(current as JsonObject ?? [], schema, document, depth + 1))
                {
                    yield return ($"{{ {what} }}", value);
                }
            }

            yield break;
        }

        if (types.Contains("number"))
        {
            yield return ("\"NaN\"", "NaN");
            yield return ("\"Infinity\"", "Infinity");
            yield return ("\"-Infinity\"", "-Infinity");
            yield return ("1e400", JsonNode.Parse("1e400"));
            yield return ("7.9e28", JsonNode.Parse("79000000000000000000000000000"));
            yield return ("-7.9e28", JsonNode.Parse("-79000000000000000000000000000"));
            yield return ("an object for a number", new JsonObject());
        }
        else if (types.Contains("integer"))
        {
            yield return ("1e12", JsonNode.Parse("1000000000000"));
            yield return ("-1e12", JsonNode.Parse("-1000000000000"));
            yield return ("7.9e28", JsonNode.Parse("79000000000000000000000000000"));
            yield return ("an object for an integer", new JsonObject());
        }
        else if (types.Contains("string"))
        {
            if (schema["format"]?.GetValue<string>() is not ("uuid" or "date" or "date-time" or "time"))
            {
                yield return ($"{LongString} characters", new string('长', LongString));
            }

            yield return ("an array for a string", new JsonArray("x"));
            yield return ("an object for a string", new JsonObject());
        }
        else if (types.Contains("boolean"))
        {
            yield return ("a string for a boolean", "not a boolean");
        }
    }

    private static JsonNode? Sample(JsonObject schema) =>
        schema["enum"] is JsonArray names ? names.FirstOrDefault(n => n is not null)?.DeepClone()
        : Types(schema).Contains("string") ? "x"
        : Types(schema).Contains("number") || Types(schema).Contains("integer") ? 1
        : new JsonObject();

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>Follows $ref and the nullable oneOf [null, $ref] that the document uses for optional values.</summary>
    private static JsonObject Resolve(JsonNode schema, JsonObject document)
    {
        var node = schema.AsObject();
        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            // A JSON pointer into the document: a component, or a path inside one for a type used again within itself.
            return Resolve(reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode)document, (node, segment) => node[segment.Replace("~1", "/").Replace("~0", "~")]!), document);
        }

        if (node["oneOf"] is JsonArray choices && choices.FirstOrDefault(c => c?["type"]?.ToString() != "null") is { } chosen)
        {
            return Resolve(chosen, document);
        }

        return node;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
