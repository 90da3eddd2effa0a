namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// Cleans what people type into number fields: trims, removes spaces (incl. U+3000) and dashes, converts full-width
/// digits and letters to ASCII, and removes <c>+86</c> / <c>0086</c> / <c>86</c> prefixes from phones.
/// </summary>
public static class InputNormalizer
{
    public static NormalizedInput Normalize(DiagnosisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var personal = input.Personal;
        var bank = input.Bank;
        var id = NormalizeNumber(personal?.IdNumber, out var idChanges);
        var phone = NormalizePhone(personal?.Phone, out var phoneChanges);
        var card = NormalizeNumber(bank?.CardNumber, out var cardChanges);
        var reserved = NormalizePhone(bank?.ReservedPhone, out var reservedChanges);
        return new NormalizedInput
        {
            Original = input,
            IdNumber = id,
            IdChanges = idChanges,
            Phone = phone,
            PhoneChanges = phoneChanges,
            CardNumber = card,
            CardChanges = cardChanges,
            ReservedPhone = reserved,
            ReservedPhoneChanges = reservedChanges,
        };
    }

    /// <summary>Removes whitespace and dashes, converts full-width characters; returns "" for null/blank.</summary>
    public static string NormalizeNumber(string? text, out NumberChanges changes)
    {
        changes = NumberChanges.None;
        if (string.IsNullOrEmpty(text)) return string.Empty;

        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start > 0 || end < text.Length) changes |= NumberChanges.Trimmed;
        if (start == end) return string.Empty;

        // Fast path: nothing inside needs changing (the common case) — only a substring, maybe no allocation at all.
        var clean = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c > '\u007F' || c == ' ' || c == '-' || char.IsWhiteSpace(c))
            {
                clean = false;
                break;
            }
        }
        if (clean) return start == 0 && end == text.Length ? text : text[start..end];

        Span<char> buffer = end - start <= 128 ? stackalloc char[end - start] : new char[end - start];
        var length = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                changes |= NumberChanges.Spaces;
                continue;
            }
            if (IsDash(c))
            {
                changes |= NumberChanges.Dashes;
                continue;
            }
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                // Full-width ASCII block (０–９, Ａ–Ｚ, ａ–ｚ, ＋ …) maps to ASCII by a fixed offset.
                c = (char)(c - 0xFEE0);
                changes |= NumberChanges.FullWidth;
            }
            buffer[length++] = c;
        }
        return new string(buffer[..length]);
    }

    /// <summary>Normalises a phone number and removes a +86 / 0086 / 86 prefix in front of an 11-digit mobile number.</summary>
    public static string NormalizePhone(string? text, out NumberChanges changes)
    {
        var number = NormalizeNumber(text, out changes);
        if (number.Length == 0) return number;
        var span = number.AsSpan();
        var cut = 0;
        if (span.StartsWith("+86", StringComparison.Ordinal)) cut = 3;
        else if (span.StartsWith("0086", StringComparison.Ordinal)) cut = 4;
        else if (span.Length == 13 && span.StartsWith("86", StringComparison.Ordinal) && span[2] == '1') cut = 2;
        if (cut == 0) return number;
        changes |= NumberChanges.CountryPrefix;
        var rest = span[cut..];
        // "+86 (0)138…" style leftovers.
        if (rest.StartsWith("(0)", StringComparison.Ordinal)) rest = rest[3..];
        return rest.ToString();
    }

    internal static bool IsDash(char c) =>
        c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D';
}
