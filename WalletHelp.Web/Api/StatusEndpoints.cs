using System.Security.Claims;
using WalletHelp.Web.Data.Status;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Status;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Api;

public sealed record MaintenanceResponse(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title);
public sealed record IncidentResponse(long Id, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, string Title, bool AffectsOpening);
public sealed record StatusResponse(IReadOnlyList<MaintenanceResponse> Maintenance, IReadOnlyList<IncidentResponse> Incidents);
public sealed record CreateMaintenanceRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Title, string? TitleEn);
public sealed record CreateIncidentRequest(DateTimeOffset? StartedAt, DateTimeOffset? ResolvedAt, string? Title, string? TitleEn, bool AffectsOpening);

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/status").WithTags("Service status");

        group.MapGet("/", async (string? lang, ServiceStatusService status, CancellationToken ct) =>
        {
            var english = Languages.IsEnglish(lang);
            var (maintenance, incidents) = await status.GetCurrentAsync(ct);
            return Results.Ok(new StatusResponse(
                [.. maintenance.Select(m => new MaintenanceResponse(m.Id, m.StartsAt, m.EndsAt, Title(m.Title, m.TitleEn, english)))],
                [.. incidents.Select(i => new IncidentResponse(i.Id, i.StartedAt, i.ResolvedAt, Title(i.Title, i.TitleEn, english), i.AffectsOpening))]));
        }).AllowAnonymous().Produces<StatusResponse>();

        var admin = group.MapGroup("/").RequireAuthorization(ApiExtensions.AdminPolicy).DisableAntiforgery();

        admin.MapPost("/maintenance", async (CreateMaintenanceRequest body, HttpContext http, ServiceStatusService status, TimeProvider time, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (field, error) in StatusInputRules.CheckMaintenance(body.StartsAt, body.EndsAt, time.GetUtcNow()))
            {
                errors[field] = [StatusInputRules.Message(field, error)];
            }
            CheckTitle(body.Title, body.TitleEn, errors);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var saved = await status.AddMaintenanceAsync(new MaintenanceWindowEntity
            {
                StartsAt = body.StartsAt!.Value,
                EndsAt = body.EndsAt!.Value,
                Title = body.Title!.Trim(),
                TitleEn = body.TitleEn?.Trim(),
                CreatedBy = http.User.Identity?.Name,
            }, AuditActor.From(http), ct);
            return Results.Created($"/api/v1/status/maintenance/{saved.Id}",
                new MaintenanceResponse(saved.Id, saved.StartsAt, saved.EndsAt, saved.Title));
        }).Produces<MaintenanceResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        admin.MapPost("/incidents", async (CreateIncidentRequest body, HttpContext http, ServiceStatusService status, TimeProvider time, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            CheckTitle(body.Title, body.TitleEn, errors);
            var started = body.StartedAt ?? time.GetUtcNow();
            foreach (var (field, error) in StatusInputRules.CheckIncident(started, body.ResolvedAt, time.GetUtcNow()))
            {
                errors[field] = [StatusInputRules.Message(field, error)];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var saved = await status.AddIncidentAsync(new IncidentEntity
            {
                StartedAt = started,
                ResolvedAt = body.ResolvedAt,
                Title = body.Title!.Trim(),
                TitleEn = body.TitleEn?.Trim(),
                AffectsOpening = body.AffectsOpening,
                CreatedBy = http.User.Identity?.Name,
            }, AuditActor.From(http), ct);
            return Results.Created($"/api/v1/status/incidents/{saved.Id}",
                new IncidentResponse(saved.Id, saved.StartedAt, saved.ResolvedAt, saved.Title, saved.AffectsOpening));
        }).Produces<IncidentResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        admin.MapDelete("/maintenance/{id:long}", async (long id, HttpContext http, ServiceStatusService status, CancellationToken ct) =>
            await status.DeleteMaintenanceAsync(id, AuditActor.From(http), ct) ? Results.NoContent() : Results.Problem(statusCode: 404, title: "No such maintenance window."));
        admin.MapDelete("/incidents/{id:long}", async (long id, HttpContext http, ServiceStatusService status, CancellationToken ct) =>
            await status.DeleteIncidentAsync(id, AuditActor.From(http), ct) ? Results.NoContent() : Results.Problem(statusCode: 404, title: "No such incident."));

        return endpoints;
    }

    private static string Title(string zh, string? en, bool english) => Languages.Pick(zh, en, english);

    private static void CheckTitle(string? title, string? titleEn, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(title)) errors["title"] = ["title is required."];
        else if (title.Length > 200) errors["title"] = ["title must be at most 200 characters."];
        if (titleEn is { Length: > 200 }) errors["titleEn"] = ["titleEn must be at most 200 characters."];
    }
}
