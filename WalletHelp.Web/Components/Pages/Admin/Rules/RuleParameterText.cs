using System.Globalization;
using Microsoft.Extensions.Localization;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Pages.Admin.Rules;

/// <summary>Localized texts for parameter errors (the validator's English is for logs and the API).</summary>
public static class RuleParameterText
{
    public static string Error(IStringLocalizer localizer, ParameterError error) => error.Kind switch
    {
        ParameterErrorKinds.Range when error.Min is not null => localizer["AdminRules.Error.range", error.Min, error.Max ?? ""],
        _ => localizer[$"AdminRules.Error.{error.Kind}"],
    };

    /// <summary>"min–max" from the property's [Range]: the page shows the same bounds the validator enforces.</summary>
    public static string Range(Type type, string property)
    {
        var range = (System.ComponentModel.DataAnnotations.RangeAttribute)type.GetProperty(property)!
            .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RangeAttribute), true).Single();
        return $"{Format(range.Minimum)}–{Format(range.Maximum)}";
    }

    private static string Format(object value) => value switch
    {
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => Money(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
