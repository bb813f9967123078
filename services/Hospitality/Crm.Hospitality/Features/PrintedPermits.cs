using System.Collections.Concurrent;
using System.Globalization;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace Crm.Hospitality.Features;

/// <summary>
/// The printed permit (客户参观许可证) and the visitors' badges (参观胸卡), PDF with Chinese text and the QR code the gate
/// scans (the permit's code, which <c>GET /gate/{permit}</c> accepts like the number). Printed by whoever sees the
/// application, its host, and the front desk and marketing centre, who hand the badges out; only while the permit
/// stands (never once revoked).
/// </summary>
public static class PrintedPermits
{
    public const string PdfType = "application/pdf";

    public static void MapPrintedPermits(this RouteGroupBuilder api)
    {
        api.MapGet("/applications/{id:guid}/permit.pdf", Permit)
            .Produces(StatusCodes.Status200OK, contentType: PdfType)
            .WithName("PrintPermit").WithSummary("The visit permit to print (PDF, A4): visitors, time, host, reception standard, photography and the QR code.");
        api.MapGet("/applications/{id:guid}/badges.pdf", Badges)
            .Produces(StatusCodes.Status200OK, contentType: PdfType)
            .WithName("PrintBadges").WithSummary("One badge per visitor named on the permit (PDF, 90 × 130 mm pages), each with the permit's QR code.");
    }

    private static Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Permit(
        Guid id, HospitalityDbContext db, CurrentUser user, HttpContext http, IOptions<HospitalityOptions> options) =>
        Print(id, db, user, http, options.Value, "permit", PermitDocument.Permit);

    private static Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Badges(
        Guid id, HospitalityDbContext db, CurrentUser user, HttpContext http, IOptions<HospitalityOptions> options) =>
        Print(id, db, user, http, options.Value, "badges", PermitDocument.Badges);

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Print(
        Guid id, HospitalityDbContext db, CurrentUser user, HttpContext http, HospitalityOptions options, string what,
        Func<HospitalityApplication, PermitStyle, PdfDocument> layout)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, http.RequestAborted);
        if (application is null || !MayPrint(user, application))
        {
            return TypedResults.NotFound();
        }

        application.EnsurePrintable();
        var chinese = PermitFonts.Find(options.ChineseFontFiles);
        var latin = PermitFonts.Find(options.LatinFontFiles);
        if (chinese is null || latin is null)
        {
            http.Response.Headers.RetryAfter = "3600";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No fonts to print with",
                detail: "Printing needs a TrueType font with Chinese glyphs (Hospitality:ChineseFonts) and one with Latin glyphs " +
                        $"(Hospitality:LatinFonts); none is present of {string.Join(", ", chinese is null ? options.ChineseFontFiles : options.LatinFontFiles)}. " +
                        "Install them (Debian and Ubuntu: apt-get install fonts-droid-fallback fonts-dejavu-core) or name their files in those settings.");
        }

        using var document = layout(application, new PermitStyle(chinese, latin, options.Zone));
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return TypedResults.File(stream.ToArray(), PdfType, $"{application.PermitNumber}-{what}.pdf");
    }

    private static bool MayPrint(CurrentUser user, HospitalityApplication application) =>
        user.MaySee(application) || application.Request.HostId == user.Id || user.Roles.Overlaps([Roles.FrontDesk, Roles.MarketingGM, .. Roles.Stewards]);
}

/// <summary>
/// PDFsharp takes one font resolver for the whole process, set once: this one treats a family name as the path of the
/// TrueType file it names, so each host's configured fonts (<see cref="HospitalityOptions.ChineseFonts"/>) serve it.
/// </summary>
public sealed class PermitFonts : IFontResolver
{
    private static readonly Lazy<PermitFonts> Registered = new(() =>
    {
        var resolver = new PermitFonts();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    });

    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    /// <summary>The family to draw with: the first of <paramref name="candidates"/> present, or null when none is.</summary>
    public static string? Find(IEnumerable<string> candidates)
    {
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is not null)
        {
            _ = Registered.Value;
        }

        return path;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => File.Exists(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => files.GetOrAdd(faceName, File.ReadAllBytes);
}

/// <summary>
/// How printed text is drawn: Chinese in the Chinese font, Latin letters, digits and punctuation in the Latin font, since
/// a Chinese font may have no Latin glyphs at all (Droid Sans Fallback has none) and PDFsharp leaves out what a font
/// lacks. Times are in the company's time zone.
/// </summary>
/// <param name="Chinese">The Chinese font's family (<see cref="PermitFonts"/>).</param>
/// <param name="Latin">The Latin font's family.</param>
public sealed record PermitStyle(string Chinese, string Latin, TimeZoneInfo Zone)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public double Width(XGraphics gfx, string text, double size) => Runs(text, size).Sum(run => gfx.MeasureString(run.Text, run.Font).Width);

    public void Draw(XGraphics gfx, string text, double size, XBrush brush, double x, double baseline)
    {
        foreach (var (run, font) in Runs(text, size))
        {
            gfx.DrawString(run, font, brush, new XPoint(x, baseline));
            x += gfx.MeasureString(run, font).Width;
        }
    }

    public void Centered(XGraphics gfx, string text, double size, XBrush brush, double width, double baseline) =>
        Draw(gfx, text, size, brush, (width - Width(gfx, text, size)) / 2, baseline);

    public string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Window(DateTimeOffset start, DateTimeOffset end)
    {
        var from = TimeZoneInfo.ConvertTime(start, Zone);
        var until = TimeZoneInfo.ConvertTime(end, Zone);
        var offset = $"{(from.Offset < TimeSpan.Zero ? '-' : '+')}{from.Offset:hh\\:mm}";
        return from.Date == until.Date
            ? $"{from:yyyy-MM-dd HH:mm}–{until:HH:mm} (UTC{offset})"
            : $"{from:yyyy-MM-dd HH:mm} – {until:yyyy-MM-dd HH:mm} (UTC{offset})";
    }

    /// <summary>The text cut into runs of one script each: everything before the CJK blocks (U+2E80) is Latin.</summary>
    private IEnumerable<(string Text, XFont Font)> Runs(string text, double size)
    {
        var chinese = new XFont(Chinese, size, XFontStyleEx.Regular, Unicode);
        var latin = new XFont(Latin, size, XFontStyleEx.Regular, Unicode);
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsLatin(text[i]) != IsLatin(text[start]))
            {
                yield return (text[start..i], IsLatin(text[start]) ? latin : chinese);
                start = i;
            }
        }
    }

    private static bool IsLatin(char c) => c < '\u2E80';
}

/// <summary>The layouts: the permit on A4, a badge per visitor on 90 × 130 mm. Text is bilingual, Chinese first.</summary>
public static class PermitDocument
{
    private const double Margin = 48;

    public static PdfDocument Permit(HospitalityApplication a, PermitStyle style)
    {
        var document = new PdfDocument();
        document.Info.Title = $"客户参观许可证 {a.PermitNumber}";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;

        style.Draw(gfx, "客户参观许可证", 24, XBrushes.Black, Margin, Margin + 24);
        style.Draw(gfx, "Customer visit permit", 12, XBrushes.DimGray, Margin, Margin + 44);
        style.Draw(gfx, $"No. {a.PermitNumber}", 16, XBrushes.Black, Margin, Margin + 72);

        const double qrSize = 130;
        var qrLeft = Margin + width - qrSize;
        QrCodes.Draw(gfx, a.PermitCode!, new XRect(qrLeft, Margin - 6, qrSize, qrSize));
        style.Draw(gfx, a.PermitCode!, 10, XBrushes.Black, qrLeft + (qrSize - style.Width(gfx, a.PermitCode!, 10)) / 2, Margin + qrSize + 6);

        var y = Margin + qrSize + 30;
        var rows = new (string Label, string Value)[]
        {
            ("客户 Customer", a.CustomerName),
            ("时间 Time", style.Window(a.Request.Start, a.Request.End)),
            ("申请 Application", a.Number),
            ("接待人 Host", a.Request.HostId),
            ("接待室 Room", a.Reception?.Room ?? ""),
            ("茶点 Refreshments", a.Reception?.Refreshments ?? ""),
            ("陪同 Accompanied by", a.Reception?.AccompaniedBy ?? ""),
            ("参观内容 Programme", string.IsNullOrWhiteSpace(a.Programme) ? a.Request.WantsToSee : a.Programme),
            ("拍照 Photography", Photography(a.Photography)),
        };
        foreach (var (label, value) in rows)
        {
            style.Draw(gfx, label, 10, XBrushes.DimGray, Margin, y);
            foreach (var line in Lines(gfx, style, value, 11, width - 130, maxLines: 3))
            {
                style.Draw(gfx, line, 11, XBrushes.Black, Margin + 130, y);
                y += 16;
            }

            y += 6;
        }

        y += 10;
        style.Draw(gfx, $"来访人员 Visitors ({a.Request.Visitors.Count})", 13, XBrushes.Black, Margin, y);
        y += 8;
        gfx.DrawLine(XPens.Black, Margin, y, Margin + width, y);
        y += 18;
        foreach (var visitor in a.Request.Visitors)
        {
            style.Draw(gfx, Fit(gfx, style, visitor.Name, 11, 160), 11, XBrushes.Black, Margin, y);
            style.Draw(gfx, Fit(gfx, style, visitor.Position, 11, 220), 11, XBrushes.Black, Margin + 170, y);
            if (visitor.IsKeyPerson)
            {
                style.Draw(gfx, "重要来宾 Key guest", 10, XBrushes.DarkRed, Margin + 400, y);
            }

            y += 18;
        }

        y += 16;
        var validFrom = a.Request.Start - HospitalityApplication.EarlyArrival;
        foreach (var note in new[]
                 {
                     $"本证仅限上列人员于 {style.Window(validFrom, a.Request.End)} 使用；门卫扫码或输入编号核验。",
                     $"Valid for the visitors named above from {style.Time(validFrom)} until {style.Time(a.Request.End)}; the gate scans the code or types the number.",
                     $"签发 Issued {style.Time(a.Decisions.LastOrDefault()?.At ?? a.Request.Start)}",
                 })
        {
            foreach (var line in Lines(gfx, style, note, 9, width, maxLines: 2))
            {
                style.Draw(gfx, line, 9, XBrushes.DimGray, Margin, y);
                y += 13;
            }
        }

        return document;
    }

    public static PdfDocument Badges(HospitalityApplication a, PermitStyle style)
    {
        var document = new PdfDocument();
        document.Info.Title = $"参观胸卡 {a.PermitNumber}";
        foreach (var visitor in a.Request.Visitors)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(90);
            page.Height = XUnit.FromMillimeter(130);
            using var gfx = XGraphics.FromPdfPage(page);
            var width = page.Width.Point;
            var inner = width - 32;

            gfx.DrawRectangle(visitor.IsKeyPerson ? XBrushes.DarkRed : XBrushes.SteelBlue, 0, 0, width, 44);
            style.Centered(gfx, visitor.IsKeyPerson ? "参观胸卡 · 重要来宾" : "参观胸卡", 14, XBrushes.White, width, 22);
            style.Centered(gfx, visitor.IsKeyPerson ? "VISITOR · KEY GUEST" : "VISITOR", 8, XBrushes.White, width, 36);

            style.Centered(gfx, Fit(gfx, style, visitor.Name, 22, inner), 22, XBrushes.Black, width, 78);
            style.Centered(gfx, Fit(gfx, style, visitor.Position, 10, inner), 10, XBrushes.DimGray, width, 96);
            var customerLine = 114.0;
            foreach (var line in Lines(gfx, style, a.CustomerName, 10, inner, maxLines: 2))
            {
                style.Centered(gfx, line, 10, XBrushes.Black, width, customerLine);
                customerLine += 13;
            }

            const double qrSize = 112;
            QrCodes.Draw(gfx, a.PermitCode!, new XRect((width - qrSize) / 2, 136, qrSize, qrSize));
            style.Centered(gfx, a.PermitCode!, 9, XBrushes.Black, width, 258);
            style.Centered(gfx, style.Window(a.Request.Start, a.Request.End), 8, XBrushes.Black, width, 280);
            style.Centered(gfx, $"No. {a.PermitNumber}", 9, XBrushes.Black, width, 296);
            style.Centered(gfx, Fit(gfx, style, $"接待人 Host: {a.Request.HostId}", 8, inner), 8, XBrushes.DimGray, width, 312);
            style.Centered(gfx, Photography(a.Photography), 8, XBrushes.DimGray, width, 326);
        }

        return document;
    }

    private static string Photography(PhotographyDecision decision) => decision switch
    {
        PhotographyDecision.Allowed => "允许拍照 Photography allowed",
        PhotographyDecision.Pending => "拍照待批 Photography pending",
        _ => "禁止拍照 No photography",
    };

    /// <summary>The text cut to the width, with an ellipsis when it had to be cut.</summary>
    private static string Fit(XGraphics gfx, PermitStyle style, string text, double size, double width) =>
        Lines(gfx, style, text, size, width, maxLines: 1).FirstOrDefault() ?? "";

    /// <summary>
    /// The text broken into lines that fit the width, at most <paramref name="maxLines"/> (the last ends in an ellipsis
    /// when text was left over). Chinese breaks between any two characters; a Latin word at the space before it.
    /// </summary>
    private static List<string> Lines(XGraphics gfx, PermitStyle style, string text, double size, double width, int maxLines)
    {
        var lines = new List<string>();
        var rest = text.ReplaceLineEndings(" ").Trim();
        while (rest.Length > 0 && lines.Count < maxLines)
        {
            var last = lines.Count == maxLines - 1;
            var take = rest.Length;
            while (take > 1 && style.Width(gfx, rest[..take] + (last && take < rest.Length ? "…" : ""), size) > width)
            {
                take--;
            }

            if (take < rest.Length && !last && char.IsAsciiLetterOrDigit(rest[take]) && char.IsAsciiLetterOrDigit(rest[take - 1])
                && rest.LastIndexOf(' ', take - 1) is > 0 and var space)
            {
                take = space;
            }

            lines.Add(rest[..take].TrimEnd() + (last && take < rest.Length ? "…" : ""));
            rest = rest[take..].TrimStart();
        }

        return lines;
    }
}

/// <summary>QR codes drawn as vector modules (QRCoder's matrix, quiet zone included), one rectangle per dark run.</summary>
public static class QrCodes
{
    public static void Draw(XGraphics gfx, string payload, XRect box)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = Math.Min(box.Width, box.Height) / matrix.Count;
        gfx.DrawRectangle(XBrushes.White, box.X, box.Y, module * matrix.Count, module * matrix.Count);
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix.Count; column++)
            {
                if (!matrix[row][column])
                {
                    continue;
                }

                var start = column;
                while (column + 1 < matrix.Count && matrix[row][column + 1])
                {
                    column++;
                }

                // A hair of overlap between rows keeps a rasterizer from leaving seams between modules.
                gfx.DrawRectangle(XBrushes.Black, box.X + start * module, box.Y + row * module, (column - start + 1) * module, module + 0.05);
            }
        }
    }
}
