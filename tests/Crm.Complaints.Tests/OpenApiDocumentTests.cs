using System.Text.Json.Nodes;

namespace Crm.Complaints.Tests;

/// <summary>List limits, enum lists and who may call each operation show in the document as they are enforced.</summary>
public sealed class OpenApiDocumentTests : ComplaintsTestContext
{
    [Fact]
    public async Task rule_criteria_are_lists_of_enum_names_and_every_list_has_a_size_limit()
    {
        var schemas = JsonNode.Parse(await Host.Client(null).GetStringAsync("/api/complaints/openapi.json"))!["components"]!["schemas"]!;
        var rule = schemas["RoutingRuleRequest"]!["properties"]!;

        Assert.Equal(["Low", "Medium", "High", "Critical"], rule["severities"]!["items"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(50, rule["regions"]!["items"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(500, schemas["PublishRuleSetRequest"]!["properties"]!["rules"]!["maxItems"]!.GetValue<int>());
        var lists = new[] { "RoutingRuleRequest", "PublishRuleSetRequest", "CalendarRequest", "SlaPoliciesRequest" }
            .SelectMany(s => schemas[s]!["properties"]!.AsObject())
            .Where(p => p.Value!["type"]?.ToJsonString().Contains("array", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, p => Assert.True(p.Value!["maxItems"] is not null, $"{p.Key} has no maxItems"));
    }

    [Theory]
    [InlineData("FileComplaintRequest", "channel,contactPerson,customerId,description,severity,type")]
    [InlineData("CalendarRequest", "name,timeZoneId,workingDays,workingPeriods")]
    [InlineData("DryRunRequest", "channel,severity,type")]
    [InlineData("PublishRuleSetRequest", "defaultDepartment")]
    public async Task the_fields_a_request_requires_are_the_ones_marked_required(string schema, string required)
    {
        var schemas = JsonNode.Parse(await Host.Client(null).GetStringAsync("/api/complaints/openapi.json"))!["components"]!["schemas"]!;

        Assert.Equal(required.Split(','), schemas[schema]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/complaints/routing/rule-sets", "post", "Staff,Stewards")]
    [InlineData("/api/complaints/departments/{code}", "put", "Staff,Stewards")]
    [InlineData("/api/complaints/{id}/reroute", "post", "Staff,Stewards")]
    [InlineData("/api/complaints/{id}/start", "post", "ComplaintHandlers,Staff")]
    [InlineData("/api/complaints/{id}/close", "post", "Staff")]
    [InlineData("/api/complaints", "get", "Staff")]
    public async Task every_operation_names_the_policies_that_may_call_it_and_their_403(string path, string method, string policies)
    {
        var paths = JsonNode.Parse(await Host.Client(null).GetStringAsync("/api/complaints/openapi.json"))!["paths"]!;
        var operation = paths[path]![method]!;

        Assert.Equal(policies.Split(','), operation["x-authorization-policies"]!.AsArray().Select(p => p!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.NotNull(operation["responses"]!["403"]);
        Assert.NotNull(operation["responses"]!["401"]);
    }
}
