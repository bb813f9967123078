using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Crm.Testing;

/// <summary>
/// A contract taken over HTTP as far as the platform tests, fault tests and benchmarks need it: drafted from the
/// standard template, completed in every part (1,000 m² of TL-600 at 60 CNY: 60,000 CNY, general authority for tiles
/// in the customer's region), submitted, and approved by every step of its chain. The drafter must be the customer's
/// rep or a manager of its region; <paramref name="approvers"/> gives the client for each role of the chain.
/// </summary>
public static class ContractsApi
{
    public static async Task<string> ApprovedAsync(HttpClient drafter, Func<string, HttpClient> approvers, string customerId, string region,
        string title = "Annual distribution agreement", CancellationToken cancellationToken = default)
    {
        using var created = await drafter.PostAsJsonAsync("api/contracts", new { customerId, title }, cancellationToken);
        var draft = await Read(created, HttpStatusCode.Created, "POST /api/contracts", cancellationToken);
        var id = draft["id"]!.GetValue<string>();
        var terms = Complete(draft["terms"]!.AsObject(), region);
        await Read(await drafter.PutAsJsonAsync($"api/contracts/{id}/terms", new { title, terms }, cancellationToken), HttpStatusCode.OK, "PUT terms", cancellationToken);
        var submitted = await Read(await drafter.PostAsync($"api/contracts/{id}/submit", null, cancellationToken), HttpStatusCode.OK, "POST submit", cancellationToken);
        foreach (var step in submitted["chain"]!.AsArray())
        {
            var role = step!["role"]!.GetValue<string>();
            await Read(await approvers(role).PostAsJsonAsync($"api/contracts/{id}/decide", new { decision = "Approve" }, cancellationToken),
                HttpStatusCode.OK, $"POST decide as {role}", cancellationToken);
        }

        return id;
    }

    /// <summary>The body that records an approved contract's signature, with the custodian who keeps the original.</summary>
    public static object Signature => new { custodian = "custodian" };

    /// <summary>The template-filled terms of a draft with every other part filled in.</summary>
    public static JsonObject Complete(JsonObject terms, string region)
    {
        var filled = terms.DeepClone().AsObject();
        var year = DateTime.UtcNow.Year;
        filled["subject"] = new JsonArray(new JsonObject { ["productCode"] = "TL-600", ["quantity"] = 1000, ["unitPrice"] = 60 });
        filled["delivery"]!["place"] = "杭州仓库 Hangzhou warehouse";
        filled["delivery"]!["transport"] = "汽运 By truck";
        filled["delivery"]!["freightPaidBy"] = "Seller";
        filled["authority"] = new JsonObject
        {
            ["level"] = "一级经销商 First-tier dealer", ["kind"] = "General", ["regions"] = new JsonArray(region), ["productLines"] = new JsonArray("TILE"),
            ["from"] = $"{year}-01-01", ["until"] = $"{year}-12-31",
        };
        filled["policy"] = new JsonObject
        {
            ["rebateTiers"] = new JsonArray(new JsonObject { ["from"] = 0, ["rate"] = 0.01 }), ["annualBonusRate"] = 0.005,
            ["promotion"] = "季度促销", ["advertising"] = "门店广告补贴", ["staffSupport"] = "导购培训",
        };
        filled["signing"] = new JsonObject { ["place"] = "杭州 Hangzhou", ["effectiveFrom"] = $"{year}-01-01", ["effectiveUntil"] = $"{year}-12-31" };
        var buyer = filled["buyer"]!.AsObject();
        buyer["address"] ??= "杭州市西湖区文三路 1 号";
        buyer["contact"] = "王经理";
        buyer["phone"] = "0571-8888 0000";
        buyer["legalRepresentative"] = "王建国";
        buyer["signingRepresentative"] = "王建国";
        buyer["bank"] = "中国银行杭州分行";
        buyer["account"] = "6216 6100 0000 1234";
        buyer["taxNumber"] = "91330100MA2000000X";
        return filled;
    }

    private static async Task<JsonObject> Read(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == expected
            ? JsonNode.Parse(body)!.AsObject()
            : throw new InvalidOperationException($"{what} returned {(int)response.StatusCode}, expected {(int)expected}: {body}");
    }
}
