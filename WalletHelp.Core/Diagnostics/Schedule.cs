namespace WalletHelp.Core.Diagnostics;

/// <summary>A planned maintenance window, passed to the rules as data.</summary>
public sealed record MaintenanceWindow(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title);

/// <summary>An operator incident; unresolved while <see cref="ResolvedAt"/> is null.</summary>
public sealed record Incident(long Id, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, string Title, bool AffectsOpening);

/// <summary>Current and upcoming maintenance windows and incidents.</summary>
public sealed record ServiceSchedule(IReadOnlyList<MaintenanceWindow> Maintenance, IReadOnlyList<Incident> Incidents)
{
    public static ServiceSchedule Empty { get; } = new([], []);
}
