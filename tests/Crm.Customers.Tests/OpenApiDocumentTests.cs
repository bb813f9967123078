using System.Text.Json.Nodes;

namespace Crm.Customers.Tests;

/// <summary>The OpenAPI document says what the API does: camelCase names, the real required fields, the limits.</summary>
public sealed class OpenApiDocumentTests : CustomersHostTests
{
    private async Task<JsonNode> Document() => JsonNode.Parse(await Host.Client(null).GetStringAsync("/api/customers/openapi.json"))!;

    [Fact]
    public async Task query_parameters_are_camel_case_like_the_json_and_the_errors()
    {
        var document = await Document();

        var names = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .SelectMany(o => o.Value!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query")
            .Select(p => p!["name"]!.GetValue<string>()).Distinct().ToList();

        Assert.Contains("pageSize", names);
        Assert.All(names, name => Assert.True(char.IsLower(name[0]), $"{name} is not camelCase"));
    }

    [Fact]
    public async Task a_request_schema_has_only_its_fields_requires_only_what_is_required_and_states_its_limits()
    {
        var register = (await Document())["components"]!["schemas"]!["RegisterCustomerRequest"]!;

        Assert.Null(register["properties"]!["profile"]);
        Assert.Equal(["kind", "name", "region"], register["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal(200, register["properties"]!["name"]!["maxLength"]!.GetValue<int>());
        Assert.Equal((-90, 90), (register["properties"]!["latitude"]!["minimum"]!.GetValue<int>(), register["properties"]!["latitude"]!["maximum"]!.GetValue<int>()));
        Assert.Equal(["A", "B", "C", "D", "E"], register["properties"]!["grade"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Theory]
    [InlineData("RegisterCustomerRequest", "kind,name,region")]
    [InlineData("UpdateCustomerRequest", "kind,name,ownerId,region,tier")]
    [InlineData("KeyPersonRequest", "name,role")]
    [InlineData("EvaluateRequest", "cooperation,growth,profitability,safety,transactions")]
    public async Task the_fields_a_request_requires_are_the_ones_marked_required(string schema, string required)
    {
        var requiredFields = (await Document())["components"]!["schemas"]![schema]!["required"]!.AsArray().Select(r => r!.GetValue<string>());

        Assert.Equal(required.Split(','), requiredFields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/customers/export", "get", "Staff,Stewards")]
    [InlineData("/api/customers/{id}/credit-limit", "put", "Managers,Staff")]
    [InlineData("/api/customers/{id}", "get", "Staff")]
    public async Task each_operation_names_who_may_call_it_and_the_403_of_a_refusal(string path, string method, string policies)
    {
        var operation = (await Document())["paths"]![path]![method]!;

        Assert.Equal(policies.Split(','), operation["x-authorization-policies"]!.AsArray().Select(p => p!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("Who may call:", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(operation["responses"]!["403"]);
        Assert.NotNull(operation["responses"]!["401"]);
    }

    [Fact]
    public async Task every_operation_lists_its_answers_and_no_operation_asks_for_the_caller_as_a_parameter()
    {
        var operations = (await Document())["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Operation: o.Value!))).ToList();

        Assert.All(operations, o => Assert.True(
            o.Operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2')), $"{o.Name} lists no success response"));
        Assert.All(operations, o => Assert.DoesNotContain(
            o.Operation["parameters"]?.AsArray() ?? [], p => p!["name"]!.GetValue<string>() is "user" or "http"));
        var changeGrade = operations.Single(o => o.Name == "post /api/customers/{id}/grade").Operation["responses"]!.AsObject();
        Assert.Equal(["200", "400", "401", "403", "404"], changeGrade.Select(r => r.Key).Order(StringComparer.Ordinal));
    }
}
