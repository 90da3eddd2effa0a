using System.Globalization;

namespace WalletHelp.Core.Localization;

/// <summary>
/// The two languages: Chinese (zh-CN) is the default, English is complete. Any <c>en*</c> name or culture means
/// English; everything else — unknown, missing or another language — reads Chinese.
/// </summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The supported cultures, default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    public static bool IsEnglish(string? name) => name is not null && name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static bool IsEnglish(CultureInfo? culture) => culture is not null && IsEnglish(culture.Name);

    /// <summary><see cref="English"/> or <see cref="Chinese"/>.</summary>
    public static string Normalize(string? name) => IsEnglish(name) ? English : Chinese;

    /// <summary>The language of the current UI culture.</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name);

    /// <summary>True when the current UI culture is English.</summary>
    public static bool CurrentIsEnglish => IsEnglish(CultureInfo.CurrentUICulture);

    /// <summary>The culture of a language name (normalised first).</summary>
    public static CultureInfo Culture(string? name) => CultureInfo.GetCultureInfo(Normalize(name));

    /// <summary>The English text when English is wanted and there is one; otherwise the Chinese.</summary>
    public static string Pick(string chinese, string? english, bool inEnglish) =>
        inEnglish && !string.IsNullOrWhiteSpace(english) ? english : chinese;
}
