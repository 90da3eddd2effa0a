using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletHelp.Core;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Api;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? ClientAddress);
public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, int Total, int Page, int PageSize);

/// <summary><c>GET /api/v1/audit?from&amp;to&amp;actor&amp;action&amp;page&amp;pageSize</c> (Admin): the audit log, newest first.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/audit", GetAuditLog)
            .RequireAuthorization(ApiExtensions.AdminPolicy)
            .WithTags("Audit")
            .WithName("GetAuditLog")
            .WithSummary("The audit log, newest first. Dates without an offset are Beijing time; a bare 'to' date includes that day.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    internal static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> GetAuditLog(
        string? from, string? to, string? actor, string? action, string? page, string? pageSize, IAuditLog audit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fromAt = ParseInstant(from, endOfDay: false, "from", errors);
        var toAt = ParseInstant(to, endOfDay: true, "to", errors);
        if (fromAt is not null && toAt is not null && toAt <= fromAt) errors["to"] = ["to must be after from."];
        if (actor is { Length: > 256 }) errors["actor"] = ["actor must be at most 256 characters."];
        if (action is { Length: > 64 }) errors["action"] = ["action must be at most 64 characters."];
        var pageNumber = ParseInt(page, 1, 1, 100_000, "page", errors);
        var size = ParseInt(pageSize, 50, 1, AuditQuery.MaxPageSize, "pageSize", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await audit.QueryAsync(new AuditQuery(fromAt, toAt, actor, action, pageNumber, size), ct);
        return TypedResults.Ok(new AuditPageResponse(
            [.. result.Items.Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.Action, e.Target, e.Detail, e.ClientAddress))],
            result.Total, result.Page, result.PageSize));
    }

    /// <summary>
    /// ISO 8601: <c>2026-11-25</c> (a Beijing day), <c>2026-11-25T08:00</c> (Beijing time) or with an offset /
    /// <c>Z</c>. The error names the field, never the submitted value.
    /// </summary>
    internal static DateTimeOffset? ParseInstant(string? value, bool endOfDay, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = ChinaTime.StartOfDay(day);
            return endOfDay ? start.AddDays(1) : start;
        }
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(value, @"[+-]\d\d:?\d\d$");
        if (hasOffset && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && value.Contains('T'))
        {
            return instant;
        }
        if (!hasOffset && ChinaTime.TryParseInput(value, out var local))
        {
            return local;
        }
        errors[field] = [$"{field} must be an ISO 8601 date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm, Beijing time unless an offset is given)."];
        return null;
    }

    private static int ParseInt(string? value, int fallback, int min, int max, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        errors[field] = [$"{field} must be a whole number from {min} to {max}."];
        return fallback;
    }
}
