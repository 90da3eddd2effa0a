namespace WalletHelp.Core.Reference;

/// <summary>One bad line of a BIN import. <paramref name="Column"/> is 1-based (bin=1, bank=2, type=3, length=4); 0 for the whole line.</summary>
public sealed record BinCsvError(int Line, int Column, string ColumnName, string Reason)
{
    public override string ToString() => Column == 0 ? $"line {Line}: {Reason}" : $"line {Line}, column {Column} ({ColumnName}): {Reason}";
}

public sealed record BinCsvResult(IReadOnlyList<BinEntry> Entries, IReadOnlyList<BinCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Parses the admin import format <c>bin,bank,type,length</c> (type DC / CC / SCC). The header line is optional;
/// blank lines and lines starting with <c>#</c> are skipped; fields may be quoted. Bad lines are reported precisely and
/// left out, good lines are returned.
/// </summary>
public static class BinCsvParser
{
    private static readonly string[] ColumnNames = ["line", "bin", "bank", "type", "length"];

    public static BinCsvResult Parse(string? text, BankDirectory? directory = null)
    {
        directory ??= BankDirectory.Default;
        var entries = new List<BinEntry>();
        var errors = new List<BinCsvError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return new BinCsvResult(entries, errors);

        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',');
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim().Trim('"').Trim();
            if (lineNumber == 1 && fields.Length == 4 && fields[0].Equals("bin", StringComparison.OrdinalIgnoreCase)
                && fields[1].Equals("bank", StringComparison.OrdinalIgnoreCase)) continue;

            if (fields.Length != 4)
            {
                errors.Add(Error(lineNumber, 0, $"expected 4 fields (bin,bank,type,length), found {fields.Length}"));
                continue;
            }
            var before = errors.Count;
            var bin = fields[0];
            if (!BinTable.IsValidPrefix(bin))
                errors.Add(Error(lineNumber, 1, $"'{bin}' is not {BinTable.MinPrefixLength}–{BinTable.MaxPrefixLength} digits"));
            else if (seen.TryGetValue(bin, out var firstLine))
                errors.Add(Error(lineNumber, 1, $"BIN {bin} already defined on line {firstLine}"));

            var bankText = fields[1];
            string bankCode;
            if (bankText.Length == 0)
            {
                errors.Add(Error(lineNumber, 2, "bank is empty"));
                bankCode = string.Empty;
            }
            else if (directory.TryMatch(bankText, out var bank))
            {
                bankCode = bank.Code;
            }
            else if (bankText.Length > 40)
            {
                errors.Add(Error(lineNumber, 2, "bank is longer than 40 characters"));
                bankCode = string.Empty;
            }
            else
            {
                // Smaller issuers are not in the directory: keep their code as given.
                bankCode = bankText.ToUpperInvariant();
            }

            if (!BinEntry.TryParseType(fields[2], out var type))
                errors.Add(Error(lineNumber, 3, $"'{fields[2]}' is not DC, CC or SCC"));

            if (!int.TryParse(fields[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                || length is < 12 or > 19)
                errors.Add(Error(lineNumber, 4, $"'{fields[3]}' is not a card length between 12 and 19"));
            else if (bin.Length > length)
                errors.Add(Error(lineNumber, 4, $"length {length} is shorter than the BIN"));

            if (errors.Count != before) continue;
            seen[bin] = lineNumber;
            entries.Add(new BinEntry(bin, bankCode, type, length));
        }
        return new BinCsvResult(entries, errors);
    }

    private static BinCsvError Error(int line, int column, string reason) => new(line, column, ColumnNames[column], reason);
}
