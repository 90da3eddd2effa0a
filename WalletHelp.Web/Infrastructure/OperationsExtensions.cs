using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure.Security;

namespace WalletHelp.Web.Infrastructure;

public static class OperationsExtensions
{
    public static WebApplicationBuilder AddWalletHelpOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StaticAssetsHealthCheck>("static-assets");
        builder.Services.AddProblemDetails();
        builder.Services.AddLogPrivacy();
        return builder;
    }

    public static IEndpointRouteBuilder MapWalletHelpHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(http.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// Unhealthy when the static asset manifest or the files it serves are missing (e.g. the published app started
    /// from a folder without its wwwroot): pages would load without CSS or blazor.web.js.
    /// </summary>
    private sealed class StaticAssetsHealthCheck(IWebHostEnvironment environment) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var manifest = Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + ".staticwebassets.endpoints.json");
            if (!File.Exists(manifest))
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("static asset manifest missing"));
            }
            return Task.FromResult(environment.WebRootFileProvider.GetFileInfo("app.css").Exists
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("wwwroot not found under the content root"));
        }
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<ApplicationDbContext> factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("database unreachable");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("database check failed", ex);
            }
        }
    }
}
