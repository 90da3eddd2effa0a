namespace WalletHelp.Web.Infrastructure.Security;

/// <summary>
/// Log categories that write request URLs (with their query strings), raw request lines or circuit messages
/// (what people type into the wizard travels in those) are held at Warning and above, whatever the
/// configuration says — even <c>Logging:LogLevel:Default=Trace</c> or a provider-specific rule cannot turn
/// them on. A query string can hold an ID number (<c>/api/v1/faq?q=…</c>); it is never logged at any level.
/// </summary>
public static class LogPrivacy
{
    public static readonly string[] QuietCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",       // "Request starting GET /api/v1/faq?q=…"
        "Microsoft.AspNetCore.HttpLogging",               // request/response logging, if someone enables it
        "Microsoft.AspNetCore.W3CLogging",
        "Microsoft.AspNetCore.Server.Kestrel",            // bad request lines at Debug
        "Microsoft.AspNetCore.SignalR",                   // hub invocations with their arguments at Trace
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components",                // navigation URIs and dispatched events at Debug
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.StaticAssets",
        "Microsoft.AspNetCore.Localization",
        "Microsoft.AspNetCore.Rewrite",
        "System.Net.Http.HttpClient",                     // outgoing URLs
    ];

    public static IServiceCollection AddLogPrivacy(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(Enforce);

    /// <summary>
    /// Removes every rule that could lower these categories below Warning and adds a Warning floor for each
    /// provider named in the rules (a provider-specific rule beats a general one, so each provider gets its own).
    /// </summary>
    public static void Enforce(LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
        for (var i = options.Rules.Count - 1; i >= 0; i--)
        {
            var rule = options.Rules[i];
            if (rule.CategoryName is { } category
                && QuietCategories.Any(q => category.StartsWith(q, StringComparison.OrdinalIgnoreCase))
                && (rule.LogLevel is null || rule.LogLevel < LogLevel.Warning))
            {
                options.Rules.RemoveAt(i);
            }
        }
        foreach (var provider in providers)
        {
            foreach (var category in QuietCategories)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, filter: null));
            }
        }
    }
}
