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

    public static string Region(IStringLocalizer<Text> t, string code) => Lookup(t, $"Region.{code}", code);

    private static string Lookup(IStringLocalizer<Text> t, string key, string fallback) =>
        t[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}
