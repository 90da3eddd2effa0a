using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Services.Analytics;

/// <summary>The figures of /admin/analytics and GET /api/v1/analytics/summary, and their CSV exports.</summary>
public sealed class AnalyticsService(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    /// <summary>The tables that can be exported, by the name used in the export address.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["diagnoses-per-day", "top-findings", "funnel", "zero-result-searches", "least-helpful", "cases-by-status", "assist-sessions"];

    /// <summary>An assist audit action as the API and CSV name the event: <c>assist.hand-over</c> → <c>hand-over</c>.</summary>
    public static string AssistEvent(string action) => action.StartsWith("assist.", StringComparison.Ordinal) ? action["assist.".Length..] : action;

    public async Task<AnalyticsSummary> GetSummaryAsync(AnalyticsRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await AnalyticsQueries.SummaryAsync(db.Database.GetDbConnection(), range, cancellationToken);
    }

    /// <summary>
    /// One table as CSV (UTF-8 with a byte-order mark so spreadsheet programs read Chinese; codes, not translated
    /// labels, so files from either language compare). Null for an unknown table. Aggregates only: no personal data.
    /// </summary>
    public static string? ToCsv(AnalyticsSummary summary, string table)
    {
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        switch (table)
        {
            case "diagnoses-per-day":
                Row("day", "outcome", "diagnoses");
                foreach (var r in summary.DiagnosesPerDay) Row(r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Outcome, r.Count);
                break;
            case "top-findings":
                Row("symptom", "rank", "code", "diagnoses");
                foreach (var r in summary.TopFindings) Row(r.Symptom, r.Rank, r.Code, r.Count);
                break;
            case "funnel":
                Row("symptom", "stage", "step", "reached", "stopped_here");
                foreach (var r in summary.Funnel) Row(r.Symptom ?? "all", r.Stage == Data.Analytics.FunnelDayCount.ResultStage ? "result" : r.Stage, r.StepKey, r.Reached, r.Dropped);
                break;
            case "zero-result-searches":
                Row("query", "language", "searches");
                foreach (var r in summary.ZeroResultSearches) Row(r.Query, r.Language, r.Searches);
                break;
            case "least-helpful":
                Row("slug", "title_zh", "title_en", "helpful", "not_helpful", "why_not_comments");
                foreach (var r in summary.LeastHelpful) Row(r.Slug, r.TitleZh, r.TitleEn, r.Helpful, r.NotHelpful, string.Join(" | ", r.Comments));
                break;
            case "cases-by-status":
                Row("status", "cases");
                foreach (var r in summary.CasesByStatus) Row(r.Status, r.Count);
                break;
            case "assist-sessions":
                Row("event", "count");
                foreach (var r in summary.AssistSessions) Row(AssistEvent(r.Status), r.Count);
                break;
            default:
                return null;
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.</summary>
    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
