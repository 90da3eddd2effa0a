namespace WalletHelp.Web.Infrastructure.Security;

/// <summary>
/// Every 4xx/5xx answered under <c>/api</c> without a body (401 and 403 from authorization, 404 for an unknown
/// route, 405, 415, a binder's 400…) gets an RFC 9457 problem-details body, so API callers always get JSON and
/// never the HTML not-found page. Must sit inside the status-code-pages middleware and outside routing and
/// authorization (Program.cs calls UseRouting/UseAuthentication/UseAuthorization after it for that reason).
/// </summary>
public static class ApiProblemDetails
{
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        var response = http.Response;
        if (response.StatusCode is >= 400 and < 600
            && !response.HasStarted
            && response.ContentLength is null
            && string.IsNullOrEmpty(response.ContentType)
            && http.Request.Path.StartsWithSegments("/api"))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = response.StatusCode },
            });
        }
    });
}
