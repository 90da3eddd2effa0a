namespace WalletHelp.Web.Services.Status;

/// <summary>What is wrong with an admin's maintenance or incident times.</summary>
public enum StatusInputError
{
    Required,
    EndNotAfterStart,
    WindowTooLong,
    OutOfRange,
}

/// <summary>
/// The one rule set for maintenance windows and incidents, used by the API, the admin form and the service that
/// stores them: a window is at most 30 days long and every date lies within a year of now. (A window ending in
/// year 9999 used to be accepted and then broke every diagnosis and the status page.)
/// </summary>
public static class StatusInputRules
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxDistance = TimeSpan.FromDays(366);

    public static IReadOnlyList<(string Field, StatusInputError Error)> CheckMaintenance(DateTimeOffset? startsAt, DateTimeOffset? endsAt, DateTimeOffset now)
    {
        var errors = new List<(string, StatusInputError)>();
        if (startsAt is null) errors.Add(("startsAt", StatusInputError.Required));
        else if (!Near(startsAt.Value, now)) errors.Add(("startsAt", StatusInputError.OutOfRange));
        if (endsAt is null) errors.Add(("endsAt", StatusInputError.Required));
        else if (!Near(endsAt.Value, now)) errors.Add(("endsAt", StatusInputError.OutOfRange));
        else if (startsAt is { } s && endsAt.Value <= s) errors.Add(("endsAt", StatusInputError.EndNotAfterStart));
        else if (startsAt is { } s2 && endsAt.Value - s2 > MaxWindow) errors.Add(("endsAt", StatusInputError.WindowTooLong));
        return errors;
    }

    public static IReadOnlyList<(string Field, StatusInputError Error)> CheckIncident(DateTimeOffset startedAt, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        var errors = new List<(string, StatusInputError)>();
        if (!Near(startedAt, now)) errors.Add(("startedAt", StatusInputError.OutOfRange));
        if (resolvedAt is { } r)
        {
            if (!Near(r, now)) errors.Add(("resolvedAt", StatusInputError.OutOfRange));
            else if (r < startedAt) errors.Add(("resolvedAt", StatusInputError.EndNotAfterStart));
        }
        return errors;
    }

    /// <summary>The API's English message (the admin form shows its own localized text).</summary>
    public static string Message(string field, StatusInputError error) => error switch
    {
        StatusInputError.Required => $"{field} is required.",
        StatusInputError.EndNotAfterStart => field == "resolvedAt" ? "resolvedAt must not be before startedAt." : "endsAt must be after startsAt.",
        StatusInputError.WindowTooLong => "A maintenance window can be at most 30 days long.",
        _ => $"{field} must be within one year of now.",
    };

    /// <summary>Throws when <see cref="CheckMaintenance"/> finds anything: the service never stores an unchecked window.</summary>
    internal static void EnsureMaintenance(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (CheckMaintenance(startsAt, endsAt, now) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => Message(e.Field, e.Error))));
        }
    }

    internal static void EnsureIncident(DateTimeOffset startedAt, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        if (CheckIncident(startedAt, resolvedAt, now) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => Message(e.Field, e.Error))));
        }
    }

    private static bool Near(DateTimeOffset value, DateTimeOffset now) =>
        value.UtcDateTime >= now.UtcDateTime - MaxDistance && value.UtcDateTime <= now.UtcDateTime + MaxDistance;
}
