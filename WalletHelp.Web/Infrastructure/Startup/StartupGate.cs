using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Data;
using WalletHelp.Web.Resources;

namespace WalletHelp.Web.Infrastructure.Startup;

/// <summary>How long a request waits for the database at start before it gets the "starting" answer.</summary>
public sealed class StartupOptions
{
    public const string Section = "WalletHelp:Startup";

    /// <summary>Seconds a request waits for a database that is still being migrated or seeded (default 10).</summary>
    public double RequestWaitSeconds { get; set; } = 10;

    /// <summary>The Retry-After of the "starting" answer, in seconds (default 3).</summary>
    public int RetryAfterSeconds { get; set; } = 3;
}

/// <summary>
/// Opens the port before the database is ready: the process listens at once while migrations, seeding and the
/// reference data run in the background, and every request (except <c>/healthz</c>) waits for them — normally a
/// fraction of a second, so the reader just sees a slower first page. A request still waiting after
/// <see cref="StartupOptions.RequestWaitSeconds"/> (a long migration) gets 503 with Retry-After: a small page in both
/// languages that reloads itself, or problem details for <c>/api/</c>.
/// </summary>
public static class StartupGate
{
    public static WebApplicationBuilder AddWalletHelpStartup(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section);
        builder.Services.AddHealthChecks().AddCheck<StartupHealthCheck>("startup", tags: ["ready"]);
        return builder;
    }

    /// <summary>Early in the pipeline (after the exception handler and the security headers): holds requests until the database is ready.</summary>
    public static IApplicationBuilder UseStartupGate(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        var options = app.Services.GetRequiredService<IOptions<StartupOptions>>();
        return app.Use(async (context, next) =>
        {
            if (readiness.IsReady || context.Request.Path.StartsWithSegments("/healthz"))
            {
                await next(context);
                return;
            }
            var wait = TimeSpan.FromSeconds(Math.Max(0, options.Value.RequestWaitSeconds));
            if (await readiness.WaitAsync(wait, context.RequestAborted))
            {
                await next(context);
                return;
            }
            await WriteStartingAsync(context, options.Value.RetryAfterSeconds);
        });
    }

    /// <summary>
    /// Runs the app with the database made ready in the background (<see cref="InitializeDatabaseInBackground"/>);
    /// returns the process's exit code. The data folder is checked first, before the port opens: hosted services build
    /// the context options (which create that folder) when the host starts.
    /// </summary>
    public static async Task<int> RunWithDatabaseStartingAsync(this WebApplication app)
    {
        if (!await StartupFailure.TryAsync(() =>
            {
                _ = app.Services.GetRequiredService<DbContextOptions<ApplicationDbContext>>();
                return Task.CompletedTask;
            }, app.Configuration, app.Environment))
        {
            return 1;
        }
        var readiness = app.InitializeDatabaseInBackground();
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException) when (readiness.HasFailed)
        {
            // The database start failed while the host was still starting; its line is printed.
        }
        return await readiness.ExitCodeAsync();
    }

    /// <summary>
    /// Starts migrating and seeding in the background and returns at once, so <c>app.Run()</c> opens the port now.
    /// A known start-up problem (see <see cref="StartupFailure"/>) prints its one line, marks the start failed and
    /// stops the app; <see cref="ExitCodeAsync"/> then gives 1.
    /// </summary>
    public static DatabaseReadiness InitializeDatabaseInBackground(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WalletHelp.Startup");
        _ = Task.Run(async () =>
        {
            try
            {
                long database = 0;
                var started = await StartupFailure.TryAsync(async () =>
                {
                    await app.InitializeDatabaseAsync();
                    database = readiness.ElapsedMilliseconds;
                    await using var scope = app.Services.CreateAsyncScope();
                    foreach (var step in scope.ServiceProvider.GetServices<IDatabaseReadyStep>())
                    {
                        await step.RunAsync(app.Lifetime.ApplicationStopping);
                    }
                }, app.Configuration, app.Environment);
                if (started)
                {
                    readiness.MarkReady();
                    // After "Database ready in …" (DatabaseSeeder), on the same category: bench/coldstart.sh reads both.
                    log.LogInformation("Accepting requests {Elapsed} ms after the host was built (reference data {Steps} ms)",
                        readiness.ElapsedMilliseconds, readiness.ElapsedMilliseconds - database);
                    return;
                }
                readiness.MarkFailed(new StartupFailedException());
            }
            catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Stopped (Ctrl+C, SIGTERM) while starting: nothing failed.
                return;
            }
            catch (Exception ex)
            {
                // Not one of the known failures: kept whole and thrown again from ExitCodeAsync, as before.
                readiness.MarkFailed(ex);
            }
            app.Lifetime.StopApplication();
        });
        return readiness;
    }

    /// <summary>After <c>app.Run()</c>: 0, 1 after a known start-up failure, or the unknown failure thrown again.</summary>
    public static async Task<int> ExitCodeAsync(this DatabaseReadiness readiness)
    {
        if (!readiness.HasFailed) return 0;
        try
        {
            await readiness.Ready;
        }
        catch (StartupFailedException)
        {
            return 1;
        }
        return 1;
    }

    private static async Task WriteStartingAsync(HttpContext context, int retryAfterSeconds)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        // Both languages: the request-localization middleware comes later in the pipeline, and either reader may be here.
        var zh = UiText.Get("Startup.Starting", Languages.Culture(Languages.Chinese));
        var en = UiText.Get("Startup.Starting", Languages.Culture(Languages.English));
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = en,
                Detail = zh,
            }).ExecuteAsync(context);
            return;
        }
        response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
        // The app's encoder (Program.cs): Chinese stays text, not &#x…; entities.
        var enc = context.RequestServices.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>();
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="{retryAfterSeconds}"><title>{enc.Encode(zh)}</title></head>
            <body><main><h1>{enc.Encode(zh)}</h1><p lang="en">{enc.Encode(en)}</p></main></body></html>
            """);
    }

    private sealed class StartupHealthCheck(DatabaseReadiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(readiness.IsReady
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(readiness.HasFailed ? "start failed" : "starting: database not ready yet"));
    }

    private sealed class StartupFailedException : Exception
    {
        public StartupFailedException() : base("The start failed; see the line on standard error.")
        {
        }
    }
}
