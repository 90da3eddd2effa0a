using Microsoft.Extensions.Options;

namespace WalletHelp.Core.Diagnostics;

/// <summary>Checks what DataAnnotations cannot: time spans, peak-hour syntax and the order of limits.</summary>
public sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaintenanceLookahead < TimeSpan.Zero || options.MaintenanceLookahead > TimeSpan.FromDays(7))
            errors.Add("MaintenanceLookahead must be between 0 and 7 days.");
        if (options.IncidentRetryEstimate <= TimeSpan.Zero || options.IncidentRetryEstimate > TimeSpan.FromDays(2))
            errors.Add("IncidentRetryEstimate must be more than 0 and at most 2 days.");
        if (!DiagnosticsOptions.TryParsePeakHours(options.PeakHours, out _, out var peakError))
            errors.Add($"PeakHours: {peakError}.");
        Check(options.Class2, 2, errors);
        Check(options.Class3, 3, errors);
        Check(options.Class4, 4, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(WalletClassLimits? limits, int walletClass, List<string> errors)
    {
        if (limits is null)
        {
            errors.Add($"Class{walletClass} limits are required.");
            return;
        }
        if (limits.Balance <= 0 || limits.PerPayment <= 0 || limits.PerDay <= 0)
            errors.Add($"Class{walletClass} limits must be positive.");
        else if (limits.PerPayment > limits.PerDay)
            errors.Add($"Class{walletClass} PerPayment must not exceed PerDay.");
    }
}
