using System.Globalization;

namespace WalletHelp.Web.Services.Faq;

/// <summary>The two content languages; anything that is not English reads Chinese (the product default).</summary>
public static class FaqLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static string Normalize(string? lang) =>
        lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name);
}
