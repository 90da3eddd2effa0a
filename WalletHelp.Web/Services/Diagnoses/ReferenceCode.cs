using System.Security.Cryptography;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary><c>WH-XXXX-XXXX</c> in Crockford base-32 (no I, L, O, U): easy to read out on the phone.</summary>
public static class ReferenceCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        // Eight uniform draws from the alphabet in one call to the system's generator (eight calls showed in the profile).
        Span<char> random = stackalloc char[8];
        RandomNumberGenerator.GetItems(Alphabet.AsSpan(), random);
        Span<char> chars = stackalloc char[12];
        "WH-".CopyTo(chars);
        random[..4].CopyTo(chars[3..]);
        chars[7] = '-';
        random[4..].CopyTo(chars[8..]);
        return new string(chars);
    }

    /// <summary>Accepts what people read out or paste: any case, spaces, O for 0, I/L for 1.</summary>
    public static bool TryNormalize(string? text, out string reference)
    {
        reference = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }
        Span<char> body = stackalloc char[8];
        var n = 0;
        var trimmed = text.Trim().ToUpperInvariant();
        if (trimmed.StartsWith("WH", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }
        foreach (var raw in trimmed)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }
            var c = raw switch { 'O' => '0', 'I' or 'L' => '1', _ => raw };
            if (Alphabet.IndexOf(c) < 0 || n == 8)
            {
                return false;
            }
            body[n++] = c;
        }
        if (n != 8)
        {
            return false;
        }
        reference = $"WH-{body[..4]}-{body[4..]}";
        return true;
    }
}
