using Microsoft.AspNetCore.Http.HttpResults;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Web.Api;

public sealed record MaintenanceResponse(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title);
public sealed record IncidentResponse(long Id, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, string Title, bool AffectsOpening);
public sealed record StatusResponse(IReadOnlyList<MaintenanceResponse> Maintenance, IReadOnlyList<IncidentResponse> Incidents);
public sealed record CreateMaintenanceRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Title, string? TitleEn);
public sealed record CreateIncidentRequest(DateTimeOffset? StartedAt, DateTimeOffset? ResolvedAt, string? Title, string? TitleEn, bool AffectsOpening);

/// <summary><c>/api/v1/status</c>: the current board for anyone; maintenance and incidents for admins.</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/status").WithTags("Service status");
        group.MapGet("/", GetStatus).AllowAnonymous()
            .WithMetadata(new Infrastructure.ReaderPages.ReaderCacheAttribute(Infrastructure.ReaderPages.ReaderCache.Status));

        var admin = group.MapGroup("/").RequireAuthorization(ApiExtensions.AdminPolicy).DisableAntiforgery();
        admin.MapPost("/maintenance", AddMaintenance);
        admin.MapPost("/incidents", AddIncident);
        admin.MapDelete("/maintenance/{id:long}", DeleteMaintenance).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/incidents/{id:long}", DeleteIncident).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Ok<StatusResponse>> GetStatus(string? lang, ServiceStatusService status, CancellationToken ct)
    {
        var english = Languages.IsEnglish(lang);
        var (maintenance, incidents) = await status.GetCurrentAsync(ct);
        return TypedResults.Ok(new StatusResponse(
            [.. maintenance.Select(m => new MaintenanceResponse(m.Id, m.StartsAt, m.EndsAt, m.TitleIn(english)))],
            [.. incidents.Select(i => new IncidentResponse(i.Id, i.StartedAt, i.ResolvedAt, i.TitleIn(english), i.AffectsOpening))]));
    }

    internal static async Task<Results<Created<MaintenanceResponse>, ValidationProblem>> AddMaintenance(
        CreateMaintenanceRequest body, HttpContext http, ServiceStatusService status, CancellationToken ct)
    {
        var result = await status.AddMaintenanceAsync(new MaintenanceInput(body.StartsAt, body.EndsAt, body.Title, body.TitleEn),
            AuditActor.From(http), ct);
        if (result.Saved is not { } saved)
        {
            return Invalid(result.Problems);
        }
        return TypedResults.Created($"/api/v1/status/maintenance/{saved.Id}",
            new MaintenanceResponse(saved.Id, saved.StartsAt, saved.EndsAt, saved.Title));
    }

    internal static async Task<Results<Created<IncidentResponse>, ValidationProblem>> AddIncident(
        CreateIncidentRequest body, HttpContext http, ServiceStatusService status, CancellationToken ct)
    {
        var result = await status.AddIncidentAsync(
            new IncidentInput(body.StartedAt, body.ResolvedAt, body.Title, body.TitleEn, body.AffectsOpening), AuditActor.From(http), ct);
        if (result.Saved is not { } saved)
        {
            return Invalid(result.Problems);
        }
        return TypedResults.Created($"/api/v1/status/incidents/{saved.Id}",
            new IncidentResponse(saved.Id, saved.StartedAt, saved.ResolvedAt, saved.Title, saved.AffectsOpening));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteMaintenance(long id, HttpContext http, ServiceStatusService status, CancellationToken ct) =>
        await status.DeleteMaintenanceAsync(id, AuditActor.From(http), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such maintenance window.");

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteIncident(long id, HttpContext http, ServiceStatusService status, CancellationToken ct) =>
        await status.DeleteIncidentAsync(id, AuditActor.From(http), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such incident.");

    private static ValidationProblem Invalid(IReadOnlyList<StatusInputProblem> problems) =>
        TypedResults.ValidationProblem(problems
            .GroupBy(p => p.Field)
            .ToDictionary(g => g.Key, g => g.Select(p => StatusInputRules.Message(p.Field, p.Error)).ToArray()));
}
