using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Web.Api;

public static class DiagnosesEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        // {"symptom":"a","symptom":"b"} is a 400, not "last one wins".
        AllowDuplicateProperties = false,
        MaxDepth = 8,
    };

    public static IEndpointRouteBuilder MapDiagnosesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/diagnoses").WithTags("Diagnoses");

        group.MapPost("/", CreateAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .Accepts<DiagnosisRequest>("application/json")
            .Produces<DiagnosisResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("CreateDiagnosis")
            .WithSummary("Run a diagnosis and store its masked result.");

        group.MapPatch("/{reference}/case", ChangeCaseAsync)
            .RequireAuthorization(ApiExtensions.StaffPolicy)
            .DisableAntiforgery()
            .Accepts<CaseChangeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ChangeCase")
            .WithSummary("Change a case's status (with reason) and/or assignee (agents and admins); recorded in the case history and the audit log.");

        group.MapGet("/{reference}", GetAsync)
            .RequireAuthorization(ApiExtensions.StaffPolicy)
            .Produces<StoredDiagnosisResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDiagnosis")
            .WithSummary("A stored diagnosis with masked inputs (agents and admins).");

        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, DiagnosisService diagnoses, IFindingTexts texts, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON.", detail: "Send Content-Type: application/json.");
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        var body = await ReadBodyAsync(http.Request.Body, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        DiagnosisRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DiagnosisRequest>(body, RequestJson);
        }
        catch (JsonException ex)
        {
            // Never ex.Message: it can quote the submitted text. Only a path made of known (or letters-only) names.
            var (field, known) = RequestFieldPath.Describe(ex.Path);
            var duplicate = ex.Message.Contains("uplicate", StringComparison.Ordinal);
            var message = duplicate ? $"{field} is given more than once."
                : !known ? (field == "$" ? "The body has an unknown field." : $"{field} has an unknown field.")
                : field == "$" ? "The body is not valid JSON."
                : $"{field} has the wrong type or format.";
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [message] },
                title: "The request body could not be read.");
        }
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["A JSON object is required."] });
        }
        if (!DiagnosisRequestValidator.TryMap(request, out var input, out var language, out var errors))
        {
            return Results.ValidationProblem(errors, title: "One or more fields are invalid.");
        }

        DiagnosisView view;
        try
        {
            view = await diagnoses.RunAsync(input, language, Asking(http), cancellationToken);
        }
        catch (WriteLimitExceededException limited)
        {
            // The same per-address budget as the wizard's "See my diagnosis" (DiagnosisService enforces it).
            return ApiExtensions.TooManyRequests(http, limited.RetryAfterSeconds);
        }
        var response = view.ToResponse(texts, DiagnosisService.CultureFor(language));
        return Results.Created($"/api/v1/diagnoses/{view.Reference}", response);
    }

    private static Requester Asking(HttpContext http) => Requesters.From(http.User, BrowserId.Get(http), WriteLimits.ClientKey(http));

    internal static async Task<Results<Ok<StoredDiagnosisResponse>, ProblemHttpResult>> GetAsync(string reference, string? lang, HttpContext http,
        DiagnosisService diagnoses, IFindingTexts texts, CancellationToken cancellationToken)
    {
        // Staff only (the endpoint's policy), and the service checks it again.
        var view = await diagnoses.FindForAsync(reference, Asking(http), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        await diagnoses.RecordOpenedAsync(view.Reference, Services.Audit.AuditActor.From(http), cancellationToken);
        return TypedResults.Ok(view.ToStoredResponse(texts, DiagnosisService.CultureFor(lang ?? view.Language)));
    }

    /// <summary>
    /// Status (with reason) and/or assignee, by the case page's rules (<see cref="CaseChangeRules"/>): 400 problem details
    /// naming each bad field (messages in English, or <c>?lang=zh-CN</c>), 404 for an unknown reference.
    /// </summary>
    internal static async Task<Results<Ok<CaseResponse>, ValidationProblem, ProblemHttpResult>> ChangeCaseAsync(string reference, string? lang,
        HttpContext http, DiagnosisService diagnoses, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON.", detail: "Send Content-Type: application/json.");
        }
        if (http.Request.ContentLength > MaxBodyBytes || await ReadBodyAsync(http.Request.Body, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is larger than 16 KiB.");
        }
        CaseChangeRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CaseChangeRequest>(body, RequestJson);
        }
        catch (JsonException ex)
        {
            // Never ex.Message (it can quote the body): the field only when it is one of ours.
            var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path && CaseFields.Contains(path) ? path : "$";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [field] = [field == "$" ? "The body is not a JSON object with status, reason, reasonText and assignee." : $"{field} must be a string or null."],
            }, title: "The request body could not be read.");
        }
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["A JSON object is required."] });
        }
        var outcome = await diagnoses.ChangeCaseAsync(reference,
            new CaseChange(request.Status, request.Reason, request.ReasonText, request.Assignee), Services.Audit.AuditActor.From(http), cancellationToken);
        switch (outcome.Result)
        {
            case CaseChangeResult.NotFound:
                return NotFound();
            case CaseChangeResult.Invalid:
                var culture = lang is null ? System.Globalization.CultureInfo.GetCultureInfo("en") : DiagnosisService.CultureFor(lang);
                return TypedResults.ValidationProblem(outcome.Problems.GroupBy(p => p.Field).ToDictionary(
                    g => g.Key, g => g.Select(p => Resources.UiText.Get(p.MessageKey, culture)).ToArray()),
                    title: "The case change is not valid.");
        }
        var view = await diagnoses.FindForAsync(reference, Asking(http), cancellationToken);
        return view is null ? NotFound() : TypedResults.Ok(view.ToCaseResponse());
    }

    private static readonly HashSet<string> CaseFields = new(StringComparer.Ordinal) { "status", "reason", "reasonText", "assignee" };

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No diagnosis has this reference.");

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        // A pooled buffer: a fresh 16 KiB array per request was most of what a diagnosis allocated (garbage-collection time).
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBodyBytes)
                {
                    return null;
                }
            }
            return buffer[..total];
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is larger than 16 KiB.");

}

/// <summary>
/// Turns a System.Text.Json path ("$.personal.gender", "$['6222…']") into the field name an error may show:
/// the known request fields, plus an unknown key only when it is a plain word (letters and '_', at most 40) —
/// a key that may hold a number is replaced by the path of the object it was sent in.
/// </summary>
public static partial class RequestFieldPath
{
    private static readonly Dictionary<string, Type> Roots = Properties(typeof(DiagnosisRequest));

    public static (string Field, bool Known) Describe(string? path)
    {
        var segments = new List<string>();
        var known = true;
        var current = Roots;
        foreach (Match m in Segment().Matches(path ?? ""))
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal);
            if (current.TryGetValue(name, out var type))
            {
                segments.Add(name);
                current = Properties(type);
                continue;
            }
            known = false;
            if (PlainWord().IsMatch(name))
            {
                segments.Add(name);
            }
            break;
        }
        return (segments.Count == 0 ? "$" : string.Join('.', segments), known);
    }

    private static Dictionary<string, Type> Properties(Type type) =>
        type.Namespace == typeof(DiagnosisRequest).Namespace && type.IsClass
            ? type.GetProperties().ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal)
            : [];

    [System.Text.RegularExpressions.GeneratedRegex(@"\.([^.\[]+)|\['((?:[^']|'')*)'\]")]
    private static partial System.Text.RegularExpressions.Regex Segment();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_]{1,40}$")]
    private static partial System.Text.RegularExpressions.Regex PlainWord();
}

/// <summary>A random id kept in a cookie so an anonymous person can reopen their own results in the same browser.</summary>
public static class BrowserId
{
    public const string CookieName = "wh_browser";

    public static string? Get(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: >= 16 and <= 64 } ? value : http.Items[CookieName] as string;

    /// <summary>
    /// Gives a browser id (HttpOnly, a year) to every page visit that can create or show a diagnosis — the wizard, the
    /// triage's shortcut, results — and to a diagnosis posted to the API without one, so results can be reopened later.
    /// Cacheable reader pages (<see cref="Infrastructure.ReaderPages.ReaderCacheAttribute"/>) get none: a response that
    /// sets a cookie cannot be shared from the output cache.
    /// </summary>
    public static IApplicationBuilder UseBrowserId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Get(http) is null && NeedsId(http))
        {
            var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            http.Items[CookieName] = id;
            http.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Expires = DateTimeOffset.UtcNow.AddYears(1),
            });
        }
        await next();
    });

    private static bool NeedsId(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api"))
        {
            // The browser (or client) that runs a diagnosis owns it, even when its first request is this one.
            return HttpMethods.IsPost(http.Request.Method) && path.StartsWithSegments("/api/v1/diagnoses");
        }
        if (path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_blazor"))
        {
            return false;
        }
        var readerPage = http.GetEndpoint()?.Metadata.GetMetadata<Infrastructure.ReaderPages.ReaderCacheAttribute>() is not null;
        return !(readerPage && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)));
    }
}
