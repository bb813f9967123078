using System.Diagnostics;
using Xunit;
using ZXing;
using ZXing.Common;

namespace Crm.Testing;

/// <summary>
/// A printed PDF read back as a person and a scanner would: its text per page through poppler's pdftotext, and the QR
/// codes of a page rendered by pdftoppm at 150 dpi and decoded with ZXing. deploy/local/infra.sh installs poppler-utils.
/// </summary>
public sealed class PrintedPdf : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("crm-pdf-").FullName;
    private readonly string file;

    public PrintedPdf(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "The answer is not a PDF.");
        file = Path.Combine(directory, "printed.pdf");
        File.WriteAllBytes(file, pdf);
        Pages = Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Split('\f').SkipLast(1).ToList();
    }

    /// <summary>Each page's text, in reading order.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>What the QR code on page <paramref name="page"/> (from 1) says.</summary>
    public string QrCode(int page)
    {
        var prefix = Path.Combine(directory, $"page{page}");
        Run("pdftoppm", "-gray", "-r", "150", "-f", $"{page}", "-l", $"{page}", "-singlefile", file, prefix);
        var (width, height, pixels) = ReadPgm(File.ReadAllBytes(prefix + ".pgm"));
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        var result = reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
        return result?.Text ?? throw new Xunit.Sdk.XunitException($"No QR code could be read on page {page}.");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A binary greyscale PGM (P5, 8 bits): "P5", width, height and maximum, each after whitespace, then the pixels.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] pgm)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)pgm[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)pgm[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(pgm, start, position - start);
        }

        Assert.Equal("P5", Token());
        var width = int.Parse(Token());
        var height = int.Parse(Token());
        Assert.Equal("255", Token());
        return (width, height, pgm[(position + 1)..]);
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
        return output.Result;
    }
}
