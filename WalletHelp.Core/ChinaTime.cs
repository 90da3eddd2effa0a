using System.Globalization;

namespace WalletHelp.Core;

/// <summary>
/// China Standard Time (UTC+8, Beijing time), the wallet operator's clock: ages, expiry dates, peak hours and every
/// time shown to a person use it. It has no daylight saving, so a fixed offset is exact. Instants are stored in UTC.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>
    /// The same instant on China's clock. Never throws: near <see cref="DateTimeOffset.MaxValue"/> (a maintenance
    /// window "ending in 9999") <c>ToOffset</c> would overflow, and a finding, the status page or a form must still
    /// render — such instants become the largest (or smallest) representable China time.
    /// </summary>
    public static DateTimeOffset From(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks + Offset.Ticks;
        if (ticks > DateTime.MaxValue.Ticks) return new DateTimeOffset(DateTime.MaxValue.Ticks, Offset);
        if (ticks < Offset.Ticks) return new DateTimeOffset(Offset.Ticks, Offset);
        return instant.ToOffset(Offset);
    }

    /// <summary>The calendar date in China at that instant.</summary>
    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(From(instant).DateTime);

    /// <summary>Midnight at the start of that day in China.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>A wall-clock time in China as an instant.</summary>
    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>"2026-11-25 12:30": how pages and finding texts show an instant.</summary>
    public static string Format(DateTimeOffset instant) => From(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The browser's datetime-local value ("2026-11-25T22:00") for an instant, in China time.</summary>
    public static string FormatInput(DateTimeOffset instant) => From(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a datetime-local value ("2026-11-25T22:00", seconds optional) as China time.</summary>
    public static bool TryParseInput(string? value, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        if (local.Ticks < Offset.Ticks)
        {
            return false; // 0001-01-01 00:00 in China is before DateTimeOffset.MinValue in UTC
        }
        instant = At(local);
        return true;
    }
}
