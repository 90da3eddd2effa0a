using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Api;
using WalletHelp.Web.Components.Pages.Diagnose;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Web.Infrastructure.ReaderPages;

/// <summary>
/// Readers' pages (<c>/</c>, <c>/diagnose</c>, <c>/faq</c>, <c>/faq/{slug}</c>, <c>/status</c>) render as static
/// server-side HTML — no circuit — and their anonymous GETs, like the anonymous FAQ and status API, come from the
/// output cache (<see cref="ReaderCachePolicy"/>). What the pages' clicks need without a circuit is here: an
/// antiforgery token fetched when a form is about to be used (a cached page cannot carry one), and the triage's
/// one-click answers as a plain form post.
/// </summary>
public static class ReaderPagesExtensions
{
    public const string AntiforgeryTokenPath = "/antiforgery/token";

    public const string AppMessagePath = "/diagnose/app-message";

    public static WebApplicationBuilder AddWalletHelpReaderPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.AddBasePolicy(new ReaderCachePolicy());
            options.SizeLimit = 64 * 1024 * 1024;
            options.MaximumBodySize = 1024 * 1024;
        });
        builder.Services.AddSingleton<IReaderCache, ReaderCache>();
        return builder;
    }

    /// <summary>
    /// Reader pages render no interactive component, so they declare no render mode: Blazor then writes no persisted
    /// component state into them (it would hold an antiforgery token and set its cookie — a response that sets a cookie
    /// cannot be shared from the output cache, and a token in shared HTML would belong to another visitor).
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder WithStaticReaderPages(this RazorComponentsEndpointConventionBuilder builder)
    {
        ((IEndpointConventionBuilder)builder).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<ReaderCacheAttribute>().Any()
                || !endpoint.Metadata.OfType<Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute>().Any())
            {
                return;
            }
            // ConfiguredRenderModesMetadata is internal to Blazor: replaced by name with an instance listing no mode. The
            // reader-page tests fail (Set-Cookie, persisted state) if a later framework changes this.
            for (var i = 0; i < endpoint.Metadata.Count; i++)
            {
                var type = endpoint.Metadata[i].GetType();
                if (type.FullName == "Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata")
                {
                    endpoint.Metadata[i] = Activator.CreateInstance(type,
                        System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic,
                        binder: null, args: [Array.Empty<Microsoft.AspNetCore.Components.IComponentRenderMode>()], culture: null)!;
                }
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapReaderPageForms(this IEndpointRouteBuilder endpoints)
    {
        // wwwroot/js/reader.js asks for this when someone starts to use a form on a (possibly cached) page.
        endpoints.MapGet(AntiforgeryTokenPath, (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new AntiforgeryTokenResponse(tokens.FormFieldName, tokens.RequestToken));
        }).ExcludeFromDescription().AllowAnonymous();

        // The triage's "系统维护" / "请稍后再试" buttons: the short diagnosis needs no personal data; its answer opens.
        // No antiforgery token: it stores a diagnosis made of a fixed message, as the anonymous API does for anyone.
        endpoints.MapPost(AppMessagePath, async (HttpContext http, [FromForm] string? message, DiagnosisService diagnoses,
            ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            (Symptom Symptom, string Text)? chosen = message switch
            {
                "maintenance" => (Symptom.SystemMaintenance, AppMessages.Maintenance),
                "later" => (Symptom.TryAgainLater, AppMessages.TryLater),
                _ => null,
            };
            if (chosen is not { } c)
            {
                return Results.LocalRedirect("/diagnose");
            }
            try
            {
                var input = new DiagnosisInput { Symptom = c.Symptom, Application = new ApplicationInput { RejectionMessage = c.Text } };
                // With the client address: the shortcut spends the diagnosis budget too.
                var view = await diagnoses.RunAsync(input, Languages.Current,
                    Requesters.From(http.User, BrowserId.Get(http), WriteLimits.ClientKey(http)), cancellationToken);
                return Results.LocalRedirect($"/diagnoses/{view.Reference}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                loggers.CreateLogger("WalletHelp.Triage").LogError("Triage shortcut failed: {Error}", ex.GetType().Name);
                return Results.LocalRedirect($"/diagnose?failed={Uri.EscapeDataString(message!)}");
            }
        }).DisableAntiforgery().AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public sealed record AntiforgeryTokenResponse(string Field, string? Token);
}
