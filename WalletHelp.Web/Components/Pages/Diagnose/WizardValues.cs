using System.Globalization;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Components.Shared;
using WalletHelp.Core;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>Converts between what the form fields hold (strings) and the Core input types.</summary>
public static class WizardValues
{
    /// <summary>What the person enters as "last attempt" is China time, as the wallet app shows it.</summary>

    public static string? Key<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? Codes.ToKebab(v) : null;

    public static TEnum? Parse<TEnum>(string? key) where TEnum : struct, Enum =>
        Codes.TryParseKebab<TEnum>(key, out var value) ? value : null;

    public static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    public static bool? ParseYesNo(string? key) => key switch { "yes" => true, "no" => false, _ => null };

    public static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    public static string? Decimal(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? LocalDateTime(DateTimeOffset? at) => at is { } value ? ChinaTime.FormatInput(value) : null;

    public static DateTimeOffset? ParseLocalDateTime(string? text) => ChinaTime.TryParseInput(text, out var at) ? at : null;

    /// <summary>Card numbers are shown in groups of four as typed ("6228 4804 0256 4890 018").</summary>
    public static string? GroupCard(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var grouped = new System.Text.StringBuilder(compact.Length + compact.Length / 4);
        for (var i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % 4 == 0) grouped.Append(' ');
            grouped.Append(compact[i]);
        }
        return grouped.ToString();
    }
}
