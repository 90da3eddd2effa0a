using System.Globalization;
using System.Text;

namespace WalletHelp.Core.Privacy;

/// <summary>
/// The one scrubber for free text (rejection messages, agent notes, feedback and vote comments, bank and branch
/// names, FAQ search queries, log lines). It finds every run of digits — ASCII, full-width or any other decimal
/// digit, with an optional final X — joined by separators people and keyboards put inside numbers (any whitespace
/// including U+3000 and NBSP, tab and newline; '.', '/', '\', '-', '_', ',', '·', every dash and hyphen including
/// the full-width ones, full-width '．', '／', '，'; invisible format characters such as U+200B), and masks the run
/// when its digits alone could be an identity-card number (15 or 18 characters) or a bank-card number (12–19
/// digits) — or are longer still (numbers written one after another). The masked form keeps only what
/// <see cref="Masking"/> shows; the separators inside a masked run are dropped.
/// </summary>
public static class PersonalNumberScrubber
{
    /// <summary>Shortest digit run that is masked (the shortest card number).</summary>
    public const int MinimumDigits = 12;

    public static string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        if (CountDigits(text) < MinimumDigits) return text;

        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (DigitValue(text[i]) < 0)
            {
                i++;
                continue;
            }
            // A run: digits and separators, ending at the last digit (or a final X right after it, separators allowed).
            var start = i;
            var digits = new StringBuilder();
            var end = i;
            var j = i;
            while (j < text.Length)
            {
                var value = DigitValue(text[j]);
                if (value >= 0)
                {
                    digits.Append((char)('0' + value));
                    end = j + 1;
                    j++;
                }
                else if (IsSeparator(text[j]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }
            var hasX = false;
            // "…002 X" / "…002x": an X directly after the digits (or after separators) that is not the start of a word.
            var k = end;
            while (k < text.Length && IsSeparator(text[k])) k++;
            if (k < text.Length && IsX(text[k]) && (k + 1 == text.Length || !char.IsLetterOrDigit(text[k + 1])))
            {
                hasX = true;
                end = k + 1;
            }

            if (digits.Length >= MinimumDigits)
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copiedUpTo, start - copiedUpTo);
                output.Append(MaskRun(digits.ToString(), hasX));
                copiedUpTo = end;
            }
            i = Math.Max(end, start + 1);
        }
        if (output is null) return text;
        output.Append(text, copiedUpTo, text.Length - copiedUpTo);
        return output.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds something <see cref="Scrub"/> would mask.</summary>
    public static bool ContainsPersonalNumber(string? text) => !string.Equals(Scrub(text), text, StringComparison.Ordinal);

    private static string MaskRun(string digits, bool hasX)
    {
        var idLike = (digits.Length == 17 && hasX) || (!hasX && digits.Length is 15 or 18);
        if (idLike)
        {
            return Masking.MaskIdNumber(hasX ? digits + "X" : digits);
        }
        // Cards, and anything longer (several numbers run together): never more than 4 + 4 visible.
        var masked = Masking.MaskCardNumber(digits);
        return hasX ? masked + "*" : masked;
    }

    private static int CountDigits(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (DigitValue(c) >= 0) count++;
        }
        return count;
    }

    /// <summary>0–9 for any decimal digit (ASCII, full-width ０–９, other scripts); −1 otherwise.</summary>
    private static int DigitValue(char c)
    {
        if (c is >= '0' and <= '9') return c - '0';
        if (c < '\u0080') return -1;
        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber
            ? CharUnicodeInfo.GetDecimalDigitValue(c)
            : -1;
    }

    private static bool IsX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';

    private static bool IsSeparator(char c)
    {
        if (char.IsWhiteSpace(c)) return true;
        switch (c)
        {
            case '.' or '/' or '\\' or '-' or '_' or ',' or '·' or '•' or '\'' or '`':
            case '．' or '／' or '＼' or '－' or '＿' or '，' or '、' or '。' or '・' or '｡' or '･' or 'ー' or '～' or '~':
                return true;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        // Every dash (U+2010–2015, U+2212 minus, U+FE58, U+FF0D …) and invisible format characters (U+200B, U+2060, U+FEFF…).
        return category is UnicodeCategory.DashPunctuation or UnicodeCategory.Format || c == '\u2212';
    }
}
