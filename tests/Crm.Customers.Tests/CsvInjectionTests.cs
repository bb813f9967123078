using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.Testing;
using Microsoft.VisualBasic.FileIO;

namespace Crm.Customers.Tests;

/// <summary>CSV formula injection: what the platform writes never starts a cell a spreadsheet would run.</summary>
public sealed class CsvInjectionTests : CustomersHostTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 21 5080 1234", "'+86 21 5080 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("华东 = 建材", "华东 = 建材")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    public void a_cell_that_starts_like_a_formula_is_prefixed_with_a_quote_and_reading_it_back_removes_the_prefix(string value, string written)
    {
        Assert.Equal(written, CsvCells.Text(value));
        Assert.Equal(value, CsvCells.Read(CsvCells.Text(value)));
    }

    [Fact]
    public async Task an_export_neutralises_formulas_keeps_quotes_and_new_lines_and_imports_back_unchanged()
    {
        string[] names = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "第一行\n第二行, \"引号\""];
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            ids.Add((await Register(TestUser.RepEast, name: name)).Id);
        }

        var csv = await Host.Client(TestUser.Supervisor).GetStringAsync("/api/customers/export");

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",'-2+3,", csv, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1:A9),", csv, StringComparison.Ordinal);
        Assert.Contains("\"第一行\n第二行, \"\"引号\"\"\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",+", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", csv, StringComparison.Ordinal);
        var back = await Host.Client(TestUser.Supervisor).PostAsync("/api/customers/import", new StringContent(csv, Encoding.UTF8, "text/csv")).Read<ImportReport>();
        Assert.Equal((names.Length, names.Length), (back.Rows, back.Unchanged));
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(names[i], (await Get(TestUser.RepEast, ids[i])).Name);
        }
    }

    /// <summary>
    /// The export read by a CSV parser that is not the platform's (RFC 4180 quoting, as a spreadsheet reads it): every
    /// name comes back cell for cell, a quote, a comma and a line break included, and a name a spreadsheet would run
    /// as a formula comes back as text, behind one leading quote.
    /// </summary>
    [Fact]
    public async Task a_csv_parser_reads_every_exported_name_back_exactly_and_formula_starts_behind_a_quote()
    {
        string[] names =
        [
            "Li \"Big\" Wang, Tiles & Co.\nSecond line, \"quoted\"", "Zhang, Liu\r\nand \"Partners\"",
            "=1+2", "+86 21 5080 1234", "-2+3", "@SUM(A1:A9)", "A = B", "'already quoted", "100% 华东 \"建材\"",
        ];
        var codes = new Dictionary<string, string>();
        foreach (var name in names)
        {
            codes[(await Register(TestUser.RepEast, name: name)).Code] = name;
        }

        var csv = await Host.Client(TestUser.Supervisor).GetStringAsync("/api/customers/export");

        var rows = new List<string[]>();
        using (var parser = new TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false })
        {
            parser.SetDelimiters(",");
            while (!parser.EndOfData)
            {
                rows.Add(parser.ReadFields()!);
            }
        }

        var header = rows[0].ToList();
        var (codeColumn, nameColumn) = (header.IndexOf("code"), header.IndexOf("name"));
        Assert.All(rows, r => Assert.Equal(header.Count, r.Length));
        var exported = rows.Skip(1).ToDictionary(r => r[codeColumn], r => r[nameColumn]);
        // The rule: a text cell starting with = + - @ (or a tab or CR) is written behind a single quote; any other as it is.
        var expected = codes.ToDictionary(c => c.Key, c => "=+-@\t\r".Contains(c.Value[0], StringComparison.Ordinal) ? "'" + c.Value : c.Value);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), exported.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(4, expected.Count(e => e.Value != codes[e.Key])); // the four formula starts, and only they
    }
}
