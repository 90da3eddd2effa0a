using System.Globalization;

namespace WalletHelp.Web.Components.Shared;

/// <summary>The browser's datetime-local value ("2026-11-25T22:00"), read and written as Beijing time.</summary>
public static class BeijingInput
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static bool TryParse(string? value, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        if (local.Ticks < Offset.Ticks)
        {
            return false; // 0001-01-01 00:00 in Beijing is before DateTimeOffset.MinValue in UTC
        }
        instant = new DateTimeOffset(local, Offset);
        return true;
    }

    public static string Format(DateTimeOffset instant) =>
        Core.Privacy.ChinaTime.Of(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
