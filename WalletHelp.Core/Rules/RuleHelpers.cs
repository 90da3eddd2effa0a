using System.Globalization;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules;

internal static class RuleArgs
{
    public static IReadOnlyDictionary<string, string> Of(string key, string value) =>
        new Dictionary<string, string>(1, StringComparer.Ordinal) { [key] = value };

    public static IReadOnlyDictionary<string, string> Of(params ReadOnlySpan<(string Key, string Value)> pairs)
    {
        var args = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
        foreach (var (key, value) in pairs) args[key] = value;
        return args;
    }

    /// <summary>Instants are stored as ISO 8601 UTC; the texts show them in China time.</summary>
    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The last four characters only: enough to recognise a number without revealing it.</summary>
    public static string Ending(string number) => number.Length <= 4 ? new string('*', number.Length) : number[^4..];
}

/// <summary>Character classes used by the name rules.</summary>
internal static class NameText
{
    public const char MiddleDot = '\u00B7';

    public static bool IsCjk(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF);

    /// <summary>Dots people use by mistake instead of "·" (U+00B7).</summary>
    public static bool IsWrongDot(char c) =>
        c is '.' or '\u2022' or '\u30FB' or '\uFF0E' or '-' or '\u2027' or '\u2219' or '\u22C5' or '\uFF65' or '\uFF0D'
            or '\u2010' or '\u2013' or '\u2014';

    public static bool IsFullWidthLatin(char c) => c is (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A');

    public static bool IsLatinLetter(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') || IsFullWidthLatin(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c));

    public static bool ContainsCjk(ReadOnlySpan<char> text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune.Value)) return true;
        }
        return false;
    }

    /// <summary>
    /// Names compared the way a bank compares them: whitespace ignored, any dot variant equals "·", full-width
    /// letters equal ASCII, case ignored.
    /// </summary>
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b)) return true;
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i])) i++;
            while (j < b.Length && char.IsWhiteSpace(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (Fold(a[i]) != Fold(b[j])) return false;
            i++;
            j++;
        }
    }

    private static char Fold(char c)
    {
        if (IsWrongDot(c)) return MiddleDot;
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        // Only Latin letters have case; skipping the culture tables for CJK keeps this cheap.
        return c < '\u0250' ? char.ToUpperInvariant(c) : c;
    }
}

/// <summary>Mainland mobile number segments.</summary>
internal static class PhoneText
{
    /// <summary>11 digits, <c>1[3-9]</c> first.</summary>
    public static bool IsMobile(string phone)
    {
        if (phone.Length != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9') return false;
        foreach (var c in phone)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>13-digit IoT numbers (14x…).</summary>
    public static bool IsIotNumber(string phone)
    {
        if (phone.Length != 13 || phone[0] != '1' || phone[1] != '4') return false;
        foreach (var c in phone)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    public static bool HasSegment(string phone, ReadOnlySpan<string> segments)
    {
        foreach (var segment in segments)
        {
            if (phone.StartsWith(segment, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

/// <summary>Keyword search in a rejection message: Chinese keywords as substrings, English ones as whole words.</summary>
internal sealed class MessageKeywords
{
    private readonly string[] chinese;
    private readonly string[] english;

    public MessageKeywords(string[] chinese, string[] english)
    {
        this.chinese = chinese;
        this.english = english;
    }

    public bool Match(string? message)
    {
        if (string.IsNullOrEmpty(message)) return false;
        var span = message.AsSpan();
        foreach (var keyword in chinese)
        {
            if (span.IndexOf(keyword, StringComparison.Ordinal) >= 0) return true;
        }
        // Most messages are Chinese only: skip the case-insensitive English search when there are no ASCII letters.
        if (span.IndexOfAnyInRange('A', 'z') < 0) return false;
        foreach (var keyword in english)
        {
            if (ContainsWord(message, keyword)) return true;
        }
        return false;
    }

    private static bool ContainsWord(string message, string keyword)
    {
        var from = 0;
        while (from <= message.Length - keyword.Length)
        {
            var at = message.IndexOf(keyword, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var end = at + keyword.Length;
            var startOk = at == 0 || !char.IsAsciiLetter(message[at - 1]);
            var endOk = end == message.Length || !char.IsAsciiLetter(message[end]);
            if (startOk && endOk) return true;
            from = at + 1;
        }
        return false;
    }
}
