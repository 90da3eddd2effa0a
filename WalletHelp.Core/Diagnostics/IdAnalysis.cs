using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Diagnostics;

/// <summary>What the normalised ID number says, worked out once per diagnosis and shared by the PI-ID rules.</summary>
public readonly struct IdAnalysis
{
    public bool Present { get; init; }
    /// <summary>15 digits: a first-generation ID.</summary>
    public bool IsLegacy { get; init; }
    /// <summary>17 digits followed by a digit, X or x.</summary>
    public bool IsWellFormed { get; init; }
    public char ExpectedCheck { get; init; }
    /// <summary>The 18th character as typed (case kept).</summary>
    public char ActualCheck { get; init; }
    public bool ChecksumValid { get; init; }
    public bool RegionValid { get; init; }
    /// <summary>Digits 7–14 as a date between 1900-01-01 and today; null otherwise.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>From the 17th digit: odd male, even female; null when not well-formed.</summary>
    public Gender? Gender { get; init; }

    public static IdAnalysis Analyze(string id, DateOnly today)
    {
        if (id.Length == 0) return default;
        var span = id.AsSpan();
        if (id.Length == 15 && AllDigits(span)) return new IdAnalysis { Present = true, IsLegacy = true };
        if (id.Length != 18 || !AllDigits(span[..17]) || !(char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'))
            return new IdAnalysis { Present = true };

        var expected = IdNumberChecksum.Compute(span);
        DateOnly? birth = null;
        // Digits 0–16 are known to be ASCII digits here.
        var year = Number(span.Slice(6, 4));
        var month = Number(span.Slice(10, 2));
        var day = Number(span.Slice(12, 2));
        if (year >= 1900 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            var date = new DateOnly(year, month, day);
            if (date <= today) birth = date;
        }
        return new IdAnalysis
        {
            Present = true,
            IsWellFormed = true,
            ExpectedCheck = expected,
            ActualCheck = id[17],
            ChecksumValid = expected == char.ToUpperInvariant(id[17]),
            RegionValid = RegionCodes.IsProvince(span),
            BirthDate = birth,
            Gender = (id[16] - '0') % 2 == 1 ? Diagnostics.Gender.Male : Diagnostics.Gender.Female,
        };
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits) value = value * 10 + (c - '0');
        return value;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
