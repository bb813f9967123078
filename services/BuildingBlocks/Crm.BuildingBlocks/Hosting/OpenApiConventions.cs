using System.Reflection;
using System.Text.Json.Nodes;
using Crm.BuildingBlocks.Http;
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
