using System.Diagnostics.CodeAnalysis;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core;

/// <summary>
/// Masks numbers for display to agents and in stored data. Full-length numbers keep the conventional visible parts
/// (ID 6 + 4, card 4 + 4, phone 3 + 4); shorter or odd inputs never show more than half of their characters.
/// </summary>
public static class Masking
{
    /// <summary><c>11010519491231002X</c> → <c>110105********002X</c>.</summary>
    [return: NotNullIfNotNull(nameof(idNumber))]
    public static string? MaskIdNumber(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber)) return idNumber;
        var clean = InputNormalizer.NormalizeNumber(idNumber, out _);
        return clean.Length >= 18 ? Mask(clean, 6, 4) : MaskHalf(clean);
    }

    /// <summary><c>6228480402564890018</c> → <c>6228 **** **** ***0 018</c> (groups of four from the left).</summary>
    [return: NotNullIfNotNull(nameof(cardNumber))]
    public static string? MaskCardNumber(string? cardNumber)
    {
        if (string.IsNullOrEmpty(cardNumber)) return cardNumber;
        var clean = InputNormalizer.NormalizeNumber(cardNumber, out _);
        var masked = clean.Length >= 16 ? Mask(clean, 4, 4) : MaskHalf(clean);
        return Group(masked);
    }

    /// <summary><c>13800138000</c> → <c>138****8000</c>.</summary>
    [return: NotNullIfNotNull(nameof(phone))]
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return phone;
        var clean = InputNormalizer.NormalizePhone(phone, out _);
        return clean.Length >= 11 ? Mask(clean, 3, 4) : MaskHalf(clean);
    }

    private static string MaskHalf(string text)
    {
        // At most a quarter at each end: never more than half of a short or odd input is visible.
        var visible = text.Length / 4;
        return Mask(text, visible, visible);
    }

    private static string Mask(string text, int head, int tail) =>
        string.Create(text.Length, (text, head, tail), static (span, state) =>
        {
            var (source, h, t) = state;
            for (var i = 0; i < span.Length; i++) span[i] = i < h || i >= source.Length - t ? source[i] : '*';
        });

    private static string Group(string text)
    {
        if (text.Length <= 4) return text;
        return string.Create(text.Length + (text.Length - 1) / 4, text, static (span, source) =>
        {
            var j = 0;
            for (var i = 0; i < source.Length; i++)
            {
                if (i > 0 && i % 4 == 0) span[j++] = ' ';
                span[j++] = source[i];
            }
        });
    }
}
