using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.BuildingBlocks.Http;

/// <summary>The most characters of each string in a list property (the list's own size is its [MaxLength]).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>
/// The limits of a request record, stated once as attributes on its properties: [MaxLength] or [StringLength] on every
/// string (characters) and list (items), [ItemMaxLength] on a list of strings, [Range] on numbers. The OpenAPI document
/// shows them (maxLength, maxItems, minimum, maximum) and this enforces them, naming the JSON field
/// (<c>rules[2].types[0]</c>). Whatever the attributes say, a floating value must be finite, an enum a defined value,
/// and a list element not null; nested records are checked the same way. A handler starts its validation with
/// <c>new Validation().Limits(request)</c> and adds its own rules, so the caller gets every error at once; its own
/// rules skip what the limits already refused (a null element).
/// </summary>
public static class RequestLimits
{
    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();

    public static Validation Check(Validation validation, object? request, string prefix = "")
    {
        if (request is null)
        {
            return validation;
        }

        foreach (var rule in Rules.GetOrAdd(request.GetType(), RulesOf))
        {
            CheckValue(validation, prefix + rule.Name, rule.Property.GetValue(request), rule);
        }

        return validation;
    }

    /// <summary>The platform's own records (request bodies, query records, nested values); not services or framework types.</summary>
    public static bool IsRecord(Type type) =>
        type.Namespace?.StartsWith("Crm.", StringComparison.Ordinal) == true
        && (type.GetMethod("<Clone>$") is not null
            || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null));

    private static void CheckValue(Validation validation, string field, object? value, Rule rule)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                validation.MaxLength(field, text, rule.MaxLength ?? int.MaxValue);
                return;
            case double number:
                validation.Finite(field, number);
                if (double.IsFinite(number) && rule.Range is { } doubleRange)
                {
                    validation.InRange(field, number, (double)doubleRange.Minimum, (double)doubleRange.Maximum, doubleRange.MinimumIsExclusive, doubleRange.MaximumIsExclusive);
                }

                return;
            case float single:
                validation.Finite(field, single);
                return;
            case decimal or int or long or short:
                if (rule.Range is { } range)
                {
                    validation.InRange(field, Convert.ToDecimal(value, CultureInfo.InvariantCulture), range.Minimum, range.Maximum, range.MinimumIsExclusive, range.MaximumIsExclusive);
                }

                return;
            case Enum choice:
                validation.Defined(field, choice);
                return;
            case IList list:
                validation.MaxItems(field, list.Count, rule.MaxLength ?? int.MaxValue);
                var item = rule with { MaxLength = rule.ItemMaxLength, Range = null };
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is null)
                    {
                        validation.NotNull($"{field}[{i}]", null);
                    }
                    else
                    {
                        CheckValue(validation, $"{field}[{i}]", list[i], item);
                    }
                }

                return;
            default:
                if (IsRecord(value.GetType()))
                {
                    Check(validation, value, field + ".");
                }

                return;
        }
    }

    private static Rule[] RulesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p =>
            {
                var range = p.GetCustomAttribute<RangeAttribute>();
                return new Rule(
                    p,
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    p.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength,
                    p.GetCustomAttribute<ItemMaxLengthAttribute>()?.Length,
                    range is null ? null : new Bounds(
                        Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture),
                        Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture),
                        range.MinimumIsExclusive,
                        range.MaximumIsExclusive));
            })
            .ToArray();

    private sealed record Rule(PropertyInfo Property, string Name, int? MaxLength, int? ItemMaxLength, Bounds? Range);

    private sealed record Bounds(decimal Minimum, decimal Maximum, bool MinimumIsExclusive, bool MaximumIsExclusive);
}
