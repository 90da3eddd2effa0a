namespace WalletHelp.Core.Privacy;

/// <summary>
/// An instant on the China clock (UTC+8) that never throws: near <see cref="DateTimeOffset.MaxValue"/> (a
/// maintenance window "ending in 9999") <c>ToOffset</c> overflows, and a finding, the status page or a form
/// must still render. Such instants are shown at the largest representable China time.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks + Offset.Ticks;
        if (ticks > DateTime.MaxValue.Ticks) return new DateTimeOffset(DateTime.MaxValue.Ticks, Offset);
        if (ticks < Offset.Ticks) return new DateTimeOffset(Offset.Ticks, Offset);
        return instant.ToOffset(Offset);
    }
}
