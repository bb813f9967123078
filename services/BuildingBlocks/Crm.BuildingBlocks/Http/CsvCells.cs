namespace Crm.BuildingBlocks.Http;

/// <summary>
/// CSV formula injection (OWASP): a spreadsheet runs a cell that starts with = + - @ tab or CR as a formula, so every
/// text cell the platform writes to a CSV goes through <see cref="Text"/>, which prefixes such a cell with a single
/// quote. Numbers the platform formats itself (invariant culture) are safe as they are and stay numbers. Import undoes
/// the prefix with <see cref="Read"/>, so an exported file re-imported is unchanged.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Text(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    public static string? Read(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;
}
