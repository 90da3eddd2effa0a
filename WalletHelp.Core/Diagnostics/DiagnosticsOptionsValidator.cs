using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// One invalid parameter. <paramref name="Path"/> is the API name (<c>minimumAge</c>, <c>walletClassLimits.2.perPayment</c>);
/// <paramref name="Kind"/> a stable key for localized messages (<see cref="ParameterErrorKinds"/>); <paramref name="Min"/>
/// and <paramref name="Max"/> the valid range where there is one; <paramref name="Message"/> the English text.
/// </summary>
public sealed record ParameterError(string Path, string Kind, string Message, string? Min = null, string? Max = null);

public static class ParameterErrorKinds
{
    public const string Range = "range";
    public const string Required = "required";
    public const string PeakHours = "peak-hours";
    public const string PerPaymentOverPerDay = "per-payment-over-per-day";
}

/// <summary>
/// The one rule set for rule parameters, used both at start (configuration, through <see cref="IValidateOptions{T}"/>)
/// and for admin input (the /admin/rules page and PUT /api/v1/rules/parameters): every <see cref="RangeAttribute"/>
/// on <see cref="DiagnosticsOptions"/> <i>and</i> on each class's <see cref="WalletClassLimits"/> (DataAnnotations
/// validation does not recurse, so those never ran before), time spans, peak-hour syntax and the order of limits.
/// </summary>
public sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    public static readonly TimeSpan MaxMaintenanceLookahead = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxIncidentRetryEstimate = TimeSpan.FromDays(2);

    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{e.Path}: {e.Message}"));
    }

    public static IReadOnlyList<ParameterError> Check(DiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ParameterError>();
        CheckRanges(options, "", errors);
        if (options.MaintenanceLookahead < TimeSpan.Zero || options.MaintenanceLookahead > MaxMaintenanceLookahead)
            errors.Add(new("maintenanceLookahead", ParameterErrorKinds.Range, "must be between 0 and 7 days.", "0", "10080"));
        if (options.IncidentRetryEstimate <= TimeSpan.Zero || options.IncidentRetryEstimate > MaxIncidentRetryEstimate)
            errors.Add(new("incidentRetryEstimate", ParameterErrorKinds.Range, "must be more than 0 and at most 2 days.", "1", "2880"));
        string? peakError = null;
        if (options.PeakHours is null || !DiagnosticsOptions.TryParsePeakHours(options.PeakHours, out _, out peakError))
            errors.Add(new("peakHours", ParameterErrorKinds.PeakHours, $"{peakError ?? "is required"} (ranges like 11:00-13:00, separated by commas)."));
        foreach (var walletClass in new[] { 2, 3, 4 })
        {
            var path = $"walletClassLimits.{walletClass}";
            var limits = options.LimitsFor(walletClass);
            if (limits is null)
            {
                errors.Add(new(path, ParameterErrorKinds.Required, "limits are required."));
                continue;
            }
            CheckRanges(limits, path + ".", errors);
            if (limits.PerPayment > limits.PerDay)
                errors.Add(new(path + ".perPayment", ParameterErrorKinds.PerPaymentOverPerDay, "the per-payment limit must not exceed the daily limit."));
        }
        return errors;
    }

    private static void CheckRanges(object target, string prefix, List<ParameterError> errors)
    {
        foreach (var property in target.GetType().GetProperties())
        {
            if (property.GetCustomAttributes(typeof(RangeAttribute), true) is not [RangeAttribute range, ..]) continue;
            var value = property.GetValue(target);
            if (range.IsValid(value)) continue;
            var min = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
            var max = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
            errors.Add(new(prefix + ApiName(property.Name), ParameterErrorKinds.Range, $"must be between {min} and {max}.", min, max));
        }
    }

    /// <summary>The API's camelCase name; <c>IdExpiringDays</c> is <c>idExpiryWarningDays</c> (API.md).</summary>
    public static string ApiName(string propertyName) => propertyName switch
    {
        nameof(DiagnosticsOptions.IdExpiringDays) => "idExpiryWarningDays",
        _ => char.ToLowerInvariant(propertyName[0]) + propertyName[1..],
    };
}
