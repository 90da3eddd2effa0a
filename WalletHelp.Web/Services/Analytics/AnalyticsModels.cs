using System.Globalization;

namespace WalletHelp.Web.Services.Analytics;

/// <summary>A range of whole Beijing days, both ends included.</summary>
public sealed record AnalyticsRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    /// <summary>Start of <see cref="From"/> in Beijing time.</summary>
    public DateTimeOffset Start => Core.ChinaTime.StartOfDay(From);

    /// <summary>Start of the day after <see cref="To"/> (exclusive end).</summary>
    public DateTimeOffset End => Core.ChinaTime.StartOfDay(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The last 30 days up to today (Beijing).</summary>
    public static AnalyticsRange LastDays(DateTimeOffset now, int days = 30)
    {
        var today = Core.ChinaTime.Today(now);
        return new(today.AddDays(1 - days), today);
    }

    /// <summary>
    /// Reads <c>yyyy-MM-dd</c> dates (either may be missing: to defaults to today, from to 29 days before to). Errors
    /// name the field: <c>from</c> / <c>to</c> not a date, <c>to</c> before <c>from</c>, more than <see cref="MaxDays"/> days.
    /// </summary>
    public static AnalyticsRange? TryParse(string? from, string? to, DateTimeOffset now, out IReadOnlyList<AnalyticsRangeError> errors)
    {
        var list = new List<AnalyticsRangeError>();
        DateOnly? f = null, t = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (TryDate(from, out var d)) f = d; else list.Add(new("from", AnalyticsRangeErrorKind.NotADate));
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (TryDate(to, out var d)) t = d; else list.Add(new("to", AnalyticsRangeErrorKind.NotADate));
        }
        errors = list;
        if (list.Count > 0) return null;
        var end = t ?? Core.ChinaTime.Today(now);
        var start = f ?? end.AddDays(-29);
        if (end < start) list.Add(new("to", AnalyticsRangeErrorKind.BeforeFrom));
        else if (end.DayNumber - start.DayNumber + 1 > MaxDays) list.Add(new("to", AnalyticsRangeErrorKind.TooLong));
        return list.Count > 0 ? null : new AnalyticsRange(start, end);
    }

    private static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && day.Year is >= 2000 and <= 2100;
}

public enum AnalyticsRangeErrorKind
{
    NotADate,
    BeforeFrom,
    TooLong,
}

public sealed record AnalyticsRangeError(string Field, AnalyticsRangeErrorKind Kind)
{
    public string Message => Kind switch
    {
        AnalyticsRangeErrorKind.NotADate => "must be a date (yyyy-MM-dd) between 2000 and 2100.",
        AnalyticsRangeErrorKind.BeforeFrom => "must not be before from.",
        _ => $"the range must be at most {AnalyticsRange.MaxDays} days.",
    };
}

/// <summary>Diagnoses stored on a Beijing day with an outcome.</summary>
public sealed record DailyOutcomeCount(DateOnly Day, string Outcome, long Count);

/// <summary>One of the most frequent findings of a symptom (rank 1 = most frequent): in how many of its diagnoses.</summary>
public sealed record SymptomFindingCount(string Symptom, int Rank, string Code, long Count);

/// <summary>
/// Wizard runs that reached a stage (<see cref="Data.Analytics.FunnelDayCount.ResultStage"/> is the result) and how
/// many stopped there (did not reach the next stage). <see cref="Symptom"/> is null for all symptoms together.
/// </summary>
public sealed record FunnelStageCount(string? Symptom, int Stage, string StepKey, long Reached, long Dropped);

/// <summary>A search that found nothing, and how often it was made.</summary>
public sealed record ZeroResultSearch(string Query, string Language, long Searches);

/// <summary>An article's votes in the range, with the newest "why not" comments.</summary>
public sealed record ArticleHelpfulness(int ArticleId, string Slug, string TitleZh, string? TitleEn, long Helpful, long NotHelpful, IReadOnlyList<string> Comments)
{
    public double NotHelpfulShare => Helpful + NotHelpful == 0 ? 0 : (double)NotHelpful / (Helpful + NotHelpful);
}

/// <summary>How many cases have a status, or how often an assist event (an audit action) occurred.</summary>
public sealed record StatusCount(string Status, long Count);

/// <summary>Every figure of /admin/analytics for one range (also GET /api/v1/analytics/summary).</summary>
public sealed record AnalyticsSummary(
    AnalyticsRange Range,
    IReadOnlyList<DailyOutcomeCount> DiagnosesPerDay,
    IReadOnlyList<SymptomFindingCount> TopFindings,
    IReadOnlyList<FunnelStageCount> Funnel,
    IReadOnlyList<ZeroResultSearch> ZeroResultSearches,
    IReadOnlyList<ArticleHelpfulness> LeastHelpful,
    IReadOnlyList<StatusCount> CasesByStatus,
    IReadOnlyList<StatusCount> AssistSessions)
{
    public long TotalDiagnoses => DiagnosesPerDay.Sum(d => d.Count);
}
