using System.Globalization;

namespace WalletHelp.Core.Reference;

/// <summary>
/// One bad line of a BIN import. <paramref name="Column"/> is 1-based (bin=1, bank=2, type=3, length=4, bankName=5,
/// bankNameEn=6); 0 for the whole line. <paramref name="Kind"/> is a stable key (<see cref="BinCsvErrorKinds"/>) for
/// localized messages; <paramref name="Reason"/> is the English text; <paramref name="Value"/> is the offending field.
/// </summary>
public sealed record BinCsvError(int Line, int Column, string ColumnName, string Kind, string Reason, string? Value = null)
{
    public override string ToString() => Column == 0 ? $"line {Line}: {Reason}" : $"line {Line}, column {Column} ({ColumnName}): {Reason}";
}

/// <summary>Why a BIN import line was rejected.</summary>
public static class BinCsvErrorKinds
{
    public const string Fields = "fields";
    public const string Prefix = "prefix";
    public const string Duplicate = "duplicate";
    public const string BankMissing = "bank-missing";
    public const string BankTooLong = "bank-too-long";
    public const string Type = "type";
    public const string Length = "length";
    public const string LengthShorterThanPrefix = "length-short";
    public const string NameTooLong = "name-too-long";

    public static IReadOnlyList<string> All { get; } =
        [Fields, Prefix, Duplicate, BankMissing, BankTooLong, Type, Length, LengthShorterThanPrefix, NameTooLong];
}

/// <summary>A parsed import line: the entry and the 1-based line it came from.</summary>
public sealed record BinCsvLine(int Line, BinEntry Entry);

public sealed record BinCsvResult(IReadOnlyList<BinCsvLine> Lines, IReadOnlyList<BinCsvError> Errors)
{
    public IReadOnlyList<BinEntry> Entries => [.. Lines.Select(l => l.Entry)];

    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Parses the admin import format <c>bin,bank,type,length[,bankName,bankNameEn]</c> (type DC / CC / SCC / PC). The
/// header line is optional; blank lines and lines starting with <c>#</c> are skipped; fields may be quoted. Bad lines are
/// reported precisely and left out, good lines are returned.
/// </summary>
public static class BinCsvParser
{
    public const int MaxNameLength = 60;
    private static readonly string[] ColumnNames = ["line", "bin", "bank", "type", "length", "bankName", "bankNameEn"];

    public static BinCsvResult Parse(string? text, BankDirectory? directory = null)
    {
        directory ??= BankDirectory.Default;
        var lines = new List<BinCsvLine>();
        var errors = new List<BinCsvError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return new BinCsvResult(lines, errors);

        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = SplitCsv(line);
            if (fields.Count >= 2 && fields[0].Equals("bin", StringComparison.OrdinalIgnoreCase)
                && fields[1].Equals("bank", StringComparison.OrdinalIgnoreCase)) continue;

            if (fields.Count is < 4 or > 6)
            {
                errors.Add(Error(lineNumber, 0, BinCsvErrorKinds.Fields,
                    $"expected 4 to 6 fields (bin,bank,type,length[,bankName,bankNameEn]), found {fields.Count}", fields.Count.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var before = errors.Count;
            var bin = fields[0];
            if (!BinTable.IsValidPrefix(bin))
                errors.Add(Error(lineNumber, 1, BinCsvErrorKinds.Prefix, $"'{Clip(bin)}' is not {BinTable.MinPrefixLength}–{BinTable.MaxPrefixLength} digits", Clip(bin)));
            else if (seen.TryGetValue(bin, out var firstLine))
                errors.Add(Error(lineNumber, 1, BinCsvErrorKinds.Duplicate, $"BIN {bin} already defined on line {firstLine}",
                    firstLine.ToString(CultureInfo.InvariantCulture)));

            var bankText = fields[1];
            string bankCode = string.Empty;
            Bank? known = null;
            if (bankText.Length == 0)
                errors.Add(Error(lineNumber, 2, BinCsvErrorKinds.BankMissing, "bank is empty"));
            else if ((known = directory.FindByCode(bankText)) is not null || directory.TryMatch(bankText, out known))
                bankCode = known.Code;
            else if (bankText.Length > 40)
                errors.Add(Error(lineNumber, 2, BinCsvErrorKinds.BankTooLong, "bank is longer than 40 characters"));
            else
                bankCode = bankText.ToUpperInvariant(); // a smaller issuer the directory does not know: keep its code as given

            if (!BinEntry.TryParseType(fields[2], out var type))
                errors.Add(Error(lineNumber, 3, BinCsvErrorKinds.Type, $"'{Clip(fields[2])}' is not DC, CC, SCC or PC", Clip(fields[2])));

            if (!int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is < 12 or > 19)
                errors.Add(Error(lineNumber, 4, BinCsvErrorKinds.Length, $"'{Clip(fields[3])}' is not a card length between 12 and 19", Clip(fields[3])));
            else if (bin.Length > length)
                errors.Add(Error(lineNumber, 4, BinCsvErrorKinds.LengthShorterThanPrefix, $"length {length} is shorter than the BIN", fields[3]));

            var name = fields.Count > 4 && fields[4].Length > 0 ? fields[4] : null;
            var nameEn = fields.Count > 5 && fields[5].Length > 0 ? fields[5] : null;
            if (name is { Length: > MaxNameLength }) errors.Add(Error(lineNumber, 5, BinCsvErrorKinds.NameTooLong, $"bankName is longer than {MaxNameLength} characters"));
            if (nameEn is { Length: > MaxNameLength }) errors.Add(Error(lineNumber, 6, BinCsvErrorKinds.NameTooLong, $"bankNameEn is longer than {MaxNameLength} characters"));

            if (errors.Count != before) continue;
            seen[bin] = lineNumber;
            lines.Add(new BinCsvLine(lineNumber, new BinEntry(bin, bankCode, type, length,
                name ?? known?.ChineseName, nameEn ?? known?.EnglishName ?? name)));
        }
        return new BinCsvResult(lines, errors);
    }

    /// <summary>Writes entries in the import format (with a header), so an export can be edited and imported again.</summary>
    public static string Write(IEnumerable<BinEntry> entries, BankDirectory? directory = null)
    {
        directory ??= BankDirectory.Default;
        var builder = new System.Text.StringBuilder("bin,bank,type,length,bankName,bankNameEn\n");
        foreach (var e in entries)
        {
            var bank = directory.FindByCode(e.BankCode);
            builder.Append(e.Prefix).Append(',').Append(Quote(e.BankCode)).Append(',').Append(BinEntry.TypeCode(e.CardType)).Append(',')
                .Append(e.Length.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(e.BankName ?? bank?.ChineseName ?? "")).Append(',')
                .Append(Quote(e.BankNameEn ?? bank?.EnglishName ?? "")).Append('\n');
        }
        return builder.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Splits one CSV line: commas separate, double quotes group (a doubled quote is a quote), fields trimmed.</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }

    /// <summary>Rejected values are echoed back only briefly (a pasted card number is not shown whole).</summary>
    private static string Clip(string value) => value.Length <= 10 ? value : value[..8] + "…";

    private static BinCsvError Error(int line, int column, string kind, string reason, string? value = null) =>
        new(line, column, ColumnNames[column], kind, reason, value);
}
