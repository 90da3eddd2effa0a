using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WalletHelp.Web.Data;

/// <summary>Stores instants as UTC ticks (INTEGER) so SQLite compares and sorts them correctly.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
