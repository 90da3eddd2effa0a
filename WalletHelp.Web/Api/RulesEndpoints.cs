using Microsoft.AspNetCore.Http.HttpResults;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Rules;

namespace WalletHelp.Web.Api;

/// <summary>Limits of one wallet class (API names).</summary>
public sealed record WalletClassLimitsDto(decimal Balance, decimal PerPayment, decimal PerDay);

/// <summary>The rule parameters by their API.md names. Time spans are "hh:mm:ss".</summary>
public sealed record RuleParametersDto(
    int MinimumAge,
    int MaxAttemptsPer24h,
    int CooldownHours,
    TimeSpan MaintenanceLookahead,
    TimeSpan IncidentRetryEstimate,
    string PeakHours,
    int IdExpiryWarningDays,
    bool BranchRequired,
    IReadOnlyDictionary<string, WalletClassLimitsDto> WalletClassLimits)
{
    public static RuleParametersDto From(DiagnosticsOptions o) => new(
        o.MinimumAge, o.MaxAttemptsPer24h, o.CooldownHours, o.MaintenanceLookahead, o.IncidentRetryEstimate, o.PeakHours,
        o.IdExpiringDays, o.BranchRequired,
        new Dictionary<string, WalletClassLimitsDto>
        {
            ["2"] = Limits(o.Class2),
            ["3"] = Limits(o.Class3),
            ["4"] = Limits(o.Class4),
        });

    private static WalletClassLimitsDto Limits(WalletClassLimits l) => new(l.Balance, l.PerPayment, l.PerDay);

    /// <summary>The values as options; a missing wallet class keeps <paramref name="basis"/>'s limits.</summary>
    public DiagnosticsOptions ToOptions(DiagnosticsOptions basis)
    {
        var options = RuleParametersService.Copy(basis);
        options.MinimumAge = MinimumAge;
        options.MaxAttemptsPer24h = MaxAttemptsPer24h;
        options.CooldownHours = CooldownHours;
        options.MaintenanceLookahead = MaintenanceLookahead;
        options.IncidentRetryEstimate = IncidentRetryEstimate;
        options.PeakHours = PeakHours;
        options.IdExpiringDays = IdExpiryWarningDays;
        options.BranchRequired = BranchRequired;
        foreach (var (key, limits) in WalletClassLimits ?? new Dictionary<string, WalletClassLimitsDto>())
        {
            var target = key switch { "2" => options.Class2, "3" => options.Class3, "4" => options.Class4, _ => null };
            if (target is null || limits is null) continue;
            target.Balance = limits.Balance;
            target.PerPayment = limits.PerPayment;
            target.PerDay = limits.PerDay;
        }
        return options;
    }
}

/// <summary>GET answer and PUT result (API.md "Rules").</summary>
public sealed record RuleParameterSetResponse(int Set, DateTimeOffset? ChangedAt, string? ChangedBy, string? Reason, int? RestoredFrom, RuleParametersDto Parameters)
{
    public static RuleParameterSetResponse From(RuleParameterSetView v) =>
        new(v.Number, v.CreatedAt, v.CreatedBy, v.Reason, v.RestoredFrom, RuleParametersDto.From(v.Parameters));
}

public sealed record RuleParametersUpdateRequest(string? Reason, RuleParametersDto? Parameters);

public static class RulesEndpoints
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/rules/parameters").WithTags("Rules")
            .RequireAuthorization(ApiExtensions.AdminPolicy).DisableAntiforgery();
        group.MapGet("/", GetParameters);
        group.MapPut("/", PutParameters);
        return endpoints;
    }

    public static async Task<Ok<RuleParameterSetResponse>> GetParameters(HttpContext http, RuleParametersService rules, CancellationToken ct)
    {
        var current = await rules.GetCurrentAsync(ct);
        http.Response.Headers.ETag = $"\"{current.Number}\"";
        return TypedResults.Ok(RuleParameterSetResponse.From(current));
    }

    /// <summary>
    /// Saves a new set. <c>If-Match: "&lt;set&gt;"</c> is required (428 without it) and must name the current set (412
    /// otherwise, nothing written); 400 names each value out of range.
    /// </summary>
    public static async Task<Results<Ok<RuleParameterSetResponse>, ProblemHttpResult, ValidationProblem>> PutParameters(
        HttpContext http, RuleParametersUpdateRequest body, RuleParametersService rules, CancellationToken ct)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Send If-Match with the parameter set you edited (GET returns it as the ETag).");
        if (!int.TryParse(ifMatch.Trim('"').Replace("W/", "", StringComparison.Ordinal).Trim('"'), out var expected))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["If-Match must be a parameter set number, like \"7\"."] });
        if (body.Parameters is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["parameters"] = ["parameters is required."] });

        var result = await rules.SaveAsync(expected, body.Parameters.ToOptions(rules.Current.Options), body.Reason, AuditActor.From(http), cancellationToken: ct);
        if (result.Errors.Count > 0)
            return TypedResults.ValidationProblem(result.Errors
                .GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path} {e.Message}").ToArray()));
        if (result.Saved is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
                title: $"Parameter set {expected} is no longer current: set {result.Current?.Number} is. Reload and apply your change again.");
        http.Response.Headers.ETag = $"\"{result.Saved.Number}\"";
        return TypedResults.Ok(RuleParameterSetResponse.From(result.Saved));
    }
}
