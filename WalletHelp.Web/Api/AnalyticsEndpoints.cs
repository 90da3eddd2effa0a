using System.Text;
using WalletHelp.Web.Data.Analytics;
using WalletHelp.Web.Services.Analytics;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Api;

public sealed record AnalyticsDayResponse(string Day, string Outcome, long Diagnoses);
public sealed record AnalyticsFindingResponse(string Symptom, int Rank, string Code, long Diagnoses);
public sealed record AnalyticsFunnelResponse(string Symptom, string Stage, string Step, long Reached, long StoppedHere);
public sealed record AnalyticsSearchResponse(string Query, string Language, long Searches);
public sealed record AnalyticsArticleResponse(string Slug, string TitleZh, string? TitleEn, long Helpful, long NotHelpful, IReadOnlyList<string> WhyNot);
public sealed record AnalyticsCaseResponse(string Status, long Cases);
public sealed record AnalyticsAssistResponse(string Event, long Count);
public sealed record AnalyticsSummaryResponse(
    string From, string To, long TotalDiagnoses,
    IReadOnlyList<AnalyticsDayResponse> DiagnosesPerDay,
    IReadOnlyList<AnalyticsFindingResponse> TopFindings,
    IReadOnlyList<AnalyticsFunnelResponse> Funnel,
    IReadOnlyList<AnalyticsSearchResponse> ZeroResultSearches,
    IReadOnlyList<AnalyticsArticleResponse> LeastHelpful,
    IReadOnlyList<AnalyticsCaseResponse> CasesByStatus,
    IReadOnlyList<AnalyticsAssistResponse> AssistSessions);

/// <summary>
/// <c>GET /api/v1/analytics/summary?from&amp;to</c> (Admin): the figures of /admin/analytics as JSON, and
/// <c>GET /api/v1/analytics/{table}.csv?from&amp;to</c> (Admin): one table as CSV (the page's export links).
/// Dates are Beijing days (<c>yyyy-MM-dd</c>), both included; default: the last 30 days.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/analytics").RequireAuthorization(ApiExtensions.AdminPolicy).WithTags("Analytics");
        group.MapGet("/summary", GetSummaryAsync)
            .WithName("GetAnalyticsSummary")
            .WithSummary("Diagnoses per day by outcome, top findings by symptom, the wizard funnel, FAQ searches without results and the least helpful articles, for a range of Beijing days.")
            .Produces<AnalyticsSummaryResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{table}.csv", GetCsvAsync)
            .WithName("GetAnalyticsCsv")
            .WithSummary("One analytics table as CSV (UTF-8): diagnoses-per-day, top-findings, funnel, zero-result-searches, least-helpful, cases-by-status, assist-sessions.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> GetSummaryAsync(string? from, string? to, AnalyticsService analytics, TimeProvider time, CancellationToken ct)
    {
        if (AnalyticsRange.TryParse(from, to, time.GetUtcNow(), out var errors) is not { } range) return Problem(errors);
        return Results.Ok(ToResponse(await analytics.GetSummaryAsync(range, ct)));
    }

    private static async Task<IResult> GetCsvAsync(string table, string? from, string? to, AnalyticsService analytics, TimeProvider time,
        IAuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (!AnalyticsService.Tables.Contains(table)) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such analytics table.");
        if (AnalyticsRange.TryParse(from, to, time.GetUtcNow(), out var errors) is not { } range) return Problem(errors);
        var csv = AnalyticsService.ToCsv(await analytics.GetSummaryAsync(range, ct), table)!;
        var name = $"wallethelp-{table}-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv";
        await audit.WriteAsync(AuditActor.From(http), AuditActions.ExportCreated, $"analytics:{table}", $"{range.From:yyyy-MM-dd}..{range.To:yyyy-MM-dd}", ct);
        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", name);
    }

    private static IResult Problem(IReadOnlyList<AnalyticsRangeError> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Field, e => new[] { $"{e.Field} {e.Message}" }));

    internal static AnalyticsSummaryResponse ToResponse(AnalyticsSummary s) => new(
        s.Range.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        s.Range.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        s.TotalDiagnoses,
        [.. s.DiagnosesPerDay.Select(d => new AnalyticsDayResponse(d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Outcome, d.Count))],
        [.. s.TopFindings.Select(f => new AnalyticsFindingResponse(f.Symptom, f.Rank, f.Code, f.Count))],
        [.. s.Funnel.Select(f => new AnalyticsFunnelResponse(f.Symptom ?? "all",
            f.Stage == FunnelDayCount.ResultStage ? "result" : f.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), f.StepKey, f.Reached, f.Dropped))],
        [.. s.ZeroResultSearches.Select(q => new AnalyticsSearchResponse(q.Query, q.Language, q.Searches))],
        [.. s.LeastHelpful.Select(a => new AnalyticsArticleResponse(a.Slug, a.TitleZh, a.TitleEn, a.Helpful, a.NotHelpful, a.Comments))],
        [.. s.CasesByStatus.Select(c => new AnalyticsCaseResponse(c.Status, c.Count))],
        [.. s.AssistSessions.Select(a => new AnalyticsAssistResponse(AnalyticsService.AssistEvent(a.Status), a.Count))]);
}
