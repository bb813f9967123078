using System.Reflection;
using System.Text.Json.Nodes;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.BuildingBlocks.Hosting;

/// <summary>
/// What the schema generator cannot see by itself: that enums (and lists of them) are strings of their member names,
/// which it knows only from the framework's own JsonStringEnumConverter, not from the platform's stricter
/// <see cref="EnumNamesConverter"/>; and the length limit of each string in a list (<see cref="ItemMaxLengthAttribute"/>).
/// </summary>
internal sealed class PlatformSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (EnumOf(type) is { } enumType)
        {
            Names(schema, enumType);
        }
        else if (ElementOf(type) is { } element && EnumOf(element) is { } elementEnum)
        {
            var items = schema.Items as OpenApiSchema ?? new OpenApiSchema();
            Names(items, elementEnum);
            schema.Items = items;
        }

        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ItemMaxLengthAttribute), inherit: false)
                .OfType<ItemMaxLengthAttribute>().FirstOrDefault() is { } itemLimit && schema.Items is OpenApiSchema strings)
        {
            strings.MaxLength = itemLimit.Length;
        }

        return Task.CompletedTask;
    }

    private static void Names(OpenApiSchema schema, Type enumType)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = Enum.GetNames(enumType).Select(n => (JsonNode)JsonValue.Create(n)).ToList();
    }

    private static Type? EnumOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? element
        : null;
}

/// <summary>
/// Query parameters by their camelCase names, as the API's JSON and its errors name them. A parameter record's
/// properties are PascalCase in C# and bound case-insensitively, so the document is the only place the case shows.
/// </summary>
internal sealed class CamelCaseQueryTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            parameter.Name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The API is wherever the document was fetched from: a service's document is read through the gateway (or the
/// standalone host) at the same URLs, so the server the generator names (the service's own address) would be wrong.
/// </summary>
internal sealed class SameOriginServerTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The origin this document was read from." }];
        return Task.CompletedTask;
    }
}

/// <summary>
/// Who may call each operation, as its endpoint's authorization says: every operation needs a token (401 without one),
/// and the named policies on its route group and itself (<see cref="Policies"/>) are listed in words, with the 403
/// their refusal answers.
/// </summary>
internal sealed class AuthorizationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token: get one from POST /connect/token." });
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (policies.Count == 0)
        {
            return Task.CompletedTask;
        }

        var who = string.Join("; ", policies.Select(p => $"{p}: {Policies.Describe(p) ?? p}"));
        operation.Description = string.IsNullOrEmpty(operation.Description) ? $"Who may call: {who}." : $"{operation.Description}\n\nWho may call: {who}.";
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-authorization-policies"] = new JsonNodeExtension(new JsonArray([.. policies.Select(p => JsonValue.Create(p))]));
        operation.Responses.TryAdd("403", new OpenApiResponse
        {
            Description = "The caller's role, or the caller's scope (region, ownership, department), does not allow this: a problem details with the reason.",
        });
        return Task.CompletedTask;
    }
}
