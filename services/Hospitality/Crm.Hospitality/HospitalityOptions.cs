using System.ComponentModel.DataAnnotations;

namespace Crm.Hospitality;

/// <summary>The Hospitality section: the company's day and the fonts of printed permits.</summary>
public sealed class HospitalityOptions
{
    /// <summary>
    /// The time zone of the company's day (IANA id): the front desk's sheet, the week calendar and the times printed on
    /// permits and badges are in it.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The calendar day an instant falls on in <see cref="TimeZone"/>.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The instant a calendar day of <see cref="TimeZone"/> begins.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// TrueType fonts with Chinese glyphs for printed permits and badges, tried in order; the first file present is used.
    /// Empty: <see cref="DefaultChineseFonts"/>. PDFsharp reads TrueType outlines only: no .ttc collections and no
    /// CFF-based OpenType (Noto CJK).
    /// </summary>
    [MaxLength(20)]
    public string[] ChineseFonts { get; set; } = [];

    /// <summary>The same for Latin letters, digits and punctuation, which a Chinese font may lack. Empty: <see cref="DefaultLatinFonts"/>.</summary>
    [MaxLength(20)]
    public string[] LatinFonts { get; set; } = [];

    /// <summary>Where Debian and Ubuntu (fonts-droid-fallback), Fedora, Windows (SimHei) and macOS keep one.</summary>
    public static readonly IReadOnlyList<string> DefaultChineseFonts =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
        @"C:\Windows\Fonts\simhei.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ];

    /// <summary>Debian and Ubuntu (fonts-dejavu-core, fonts-liberation), Fedora, Windows and macOS.</summary>
    public static readonly IReadOnlyList<string> DefaultLatinFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        @"C:\Windows\Fonts\arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
    ];

    public IReadOnlyList<string> ChineseFontFiles => ChineseFonts.Length > 0 ? ChineseFonts : DefaultChineseFonts;

    public IReadOnlyList<string> LatinFontFiles => LatinFonts.Length > 0 ? LatinFonts : DefaultLatinFonts;
}
