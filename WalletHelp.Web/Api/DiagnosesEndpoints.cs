using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Web.Api;

public static class DiagnosesEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 8,
    };

    public static IEndpointRouteBuilder MapDiagnosesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/diagnoses").WithTags("Diagnoses");

        group.MapPost("/", CreateAsync)
            .AllowAnonymous()
            .RequireRateLimiting(ApiExtensions.DiagnosesPolicy)
            .DisableAntiforgery()
            .Accepts<DiagnosisRequest>("application/json")
            .Produces<DiagnosisResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("CreateDiagnosis")
            .WithSummary("Run a diagnosis and store its masked result.");

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
            var field = JsonPathToField(ex.Path);
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [field == "$" ? "The body is not valid JSON." : $"{field} has the wrong type or format."] },
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

        var user = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var view = await diagnoses.RunAsync(input, language, new Requester(user, BrowserId.Get(http), IsStaff: false), cancellationToken);
        var response = view.ToResponse(texts, DiagnosisService.CultureFor(language));
        return Results.Created($"/api/v1/diagnoses/{view.Reference}", response);
    }

    private static async Task<IResult> GetAsync(string reference, string? lang, HttpContext http, DiagnosisService diagnoses, IFindingTexts texts, CancellationToken cancellationToken)
    {
        var view = await diagnoses.FindAsync(reference, cancellationToken);
        if (view is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No diagnosis has this reference.");
        }
        await diagnoses.RecordOpenedAsync(view.Reference, Services.Audit.AuditActor.From(http), cancellationToken);
        return Results.Ok(view.ToStoredResponse(texts, DiagnosisService.CultureFor(lang ?? view.Language)));
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBodyBytes)
            {
                return null;
            }
        }
        return buffer[..total];
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is larger than 16 KiB.");

    /// <summary>"$.personal.gender" → "personal.gender"; "$" for the body as a whole.</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}

/// <summary>A random id kept in a cookie so an anonymous person can reopen their own results in the same browser.</summary>
public static class BrowserId
{
    public const string CookieName = "wh_browser";

    public static string? Get(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: >= 16 and <= 64 } ? value : http.Items[CookieName] as string;

    /// <summary>Gives every page visit a browser id (HttpOnly, a year), so results can be reopened later.</summary>
    public static IApplicationBuilder UseBrowserId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/_framework")
            && !http.Request.Path.StartsWithSegments("/_blazor") && Get(http) is null)
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
}
