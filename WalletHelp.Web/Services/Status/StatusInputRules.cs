namespace WalletHelp.Web.Services.Status;

/// <summary>What is wrong with an admin's maintenance or incident times.</summary>
public enum StatusInputError
{
    Required,
    EndNotAfterStart,
    WindowTooLong,
    OutOfRange,
    TooLong,
}

/// <summary>
/// The one rule set for maintenance windows and incidents. Only <see cref="ServiceStatusService"/> applies it, so the
/// API and the admin form (which both save through the service) cannot disagree: a window is at most 30 days long and every date lies within a year of now. (A window ending in
/// year 9999 used to be accepted and then broke every diagnosis and the status page.)
/// </summary>
public static class StatusInputRules
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxDistance = TimeSpan.FromDays(366);

    public const int MaxTitleLength = 200;

    public static IReadOnlyList<StatusInputProblem> Check(MaintenanceInput input, DateTimeOffset now)
    {
        var errors = new List<StatusInputProblem>();
        CheckTitles(input.Title, input.TitleEn, errors);
        if (input.StartsAt is null) errors.Add(new("startsAt", StatusInputError.Required));
        else if (!Near(input.StartsAt.Value, now)) errors.Add(new("startsAt", StatusInputError.OutOfRange));
        if (input.EndsAt is null) errors.Add(new("endsAt", StatusInputError.Required));
        else if (!Near(input.EndsAt.Value, now)) errors.Add(new("endsAt", StatusInputError.OutOfRange));
        else if (input.StartsAt is { } s && input.EndsAt.Value <= s) errors.Add(new("endsAt", StatusInputError.EndNotAfterStart));
        else if (input.StartsAt is { } s2 && input.EndsAt.Value - s2 > MaxWindow) errors.Add(new("endsAt", StatusInputError.WindowTooLong));
        return errors;
    }

    public static IReadOnlyList<StatusInputProblem> Check(IncidentInput input, DateTimeOffset now)
    {
        var errors = new List<StatusInputProblem>();
        CheckTitles(input.Title, input.TitleEn, errors);
        var started = input.StartedAt ?? now;
        if (!Near(started, now)) errors.Add(new("startedAt", StatusInputError.OutOfRange));
        if (input.ResolvedAt is { } r)
        {
            if (!Near(r, now)) errors.Add(new("resolvedAt", StatusInputError.OutOfRange));
            else if (r < started) errors.Add(new("resolvedAt", StatusInputError.EndNotAfterStart));
        }
        return errors;
    }

    private static void CheckTitles(string? title, string? titleEn, List<StatusInputProblem> errors)
    {
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new("title", StatusInputError.Required));
        else if (title.Trim().Length > MaxTitleLength) errors.Add(new("title", StatusInputError.TooLong));
        if (titleEn is { } en && en.Trim().Length > MaxTitleLength) errors.Add(new("titleEn", StatusInputError.TooLong));
    }

    /// <summary>The API's English message (the admin form shows its own localized text).</summary>
    public static string Message(string field, StatusInputError error) => error switch
    {
        StatusInputError.Required => $"{field} is required.",
        StatusInputError.EndNotAfterStart => field == "resolvedAt" ? "resolvedAt must not be before startedAt." : "endsAt must be after startsAt.",
        StatusInputError.WindowTooLong => "A maintenance window can be at most 30 days long.",
        StatusInputError.TooLong => $"{field} must be at most {MaxTitleLength} characters.",
        _ => $"{field} must be within one year of now.",
    };

    private static bool Near(DateTimeOffset value, DateTimeOffset now) =>
        value.UtcDateTime >= now.UtcDateTime - MaxDistance && value.UtcDateTime <= now.UtcDateTime + MaxDistance;
}
