using Crm.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace Crm.Portal.Components.Shared;

/// <summary>Enum values and codes in the user's language: the resource "&lt;Enum&gt;.&lt;Name&gt;", else the name itself.</summary>
public static class Names
{
    public static string Of<TEnum>(IStringLocalizer<Text> t, TEnum value) where TEnum : struct, Enum =>
        Lookup(t, $"{typeof(TEnum).Name}.{value}", value.ToString());

    public static string Of<TEnum>(IStringLocalizer<Text> t, TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? Of(t, v) : "";

    /// <summary>A drop-down's choices: every value of the enum with its name in the user's language.</summary>
    public static IEnumerable<Choice<TEnum>> Options<TEnum>(IStringLocalizer<Text> t) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new Choice<TEnum>(Of(t, v), v));

    public static string Region(IStringLocalizer<Text> t, string code) => Lookup(t, $"Region.{code}", code);

    /// <summary>A number of hours, as the SLA targets and clocks count them.</summary>
    public static string Hours(IStringLocalizer<Text> t, double hours) => t["Hours", hours.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)];

    private static string Lookup(IStringLocalizer<Text> t, string key, string fallback) =>
        t[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}

/// <summary>One choice of a drop-down: the text shown and the value chosen.</summary>
public sealed record Choice<TEnum>(string Text, TEnum? Value) where TEnum : struct, Enum;
