using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.Platform.Tests;

/// <summary>Small HTTP helpers over the platform's JSON API.</summary>
internal static class Api
{
    public static async Task<JsonObject> RegisterCustomer(HttpClient client, string region, string? name = null, string? ownerId = null)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new
        {
            name = name ?? $"Platform test dealer {Guid.NewGuid():N}",
            kind = "Dealer",
            region,
            address = "上海市浦东新区张江路 1 号",
            ownerId,
            tier = "Key",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json(response);
    }

    public static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>GETs until the answer is 200 and passes <paramref name="accept"/>, e.g. while an event crosses the bus.</summary>
    public static Task<JsonObject> Eventually(HttpClient client, string path, Func<JsonObject, bool> accept, string what) =>
        Testing.Eventually.Get(async () =>
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var body = await Json(response);
            return accept(body) ? body : null;
        }, TimeSpan.FromSeconds(30), what);

    public static string Text(this JsonObject body, string property) => body[property]!.GetValue<string>();
}
