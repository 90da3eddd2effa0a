namespace WalletHelp.Core.Reference;

/// <summary>The check character of an 18-character resident ID number (GB 11643-1999, ISO 7064 MOD 11-2).</summary>
public static class IdNumberChecksum
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The expected 18th character for the first 17 digits; '\0' when they are not 17 ASCII digits.</summary>
    public static char Compute(ReadOnlySpan<char> first17)
    {
        if (first17.Length < 17) return '\0';
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            if (!char.IsAsciiDigit(c)) return '\0';
            sum += (c - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>True for 17 digits followed by the right check character (an 'x' counts as 'X').</summary>
    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length == 18 && Compute(id) is var expected and not '\0' && expected == char.ToUpperInvariant(id[17]);
}

/// <summary>The Luhn (mod 10) check used by bank card numbers.</summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2) return false;
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (!char.IsAsciiDigit(c)) return false;
            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>The check digit to append to <paramref name="payload"/> (digits only).</summary>
    public static char ComputeCheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
