using WalletHelp.Web.Infrastructure.Startup;
using WalletHelp.Web.Services.Analytics;
using WalletHelp.Web.Services.Reference;
using WalletHelp.Web.Services.Rules;
using WalletHelp.Web.Services.Users;

namespace WalletHelp.Web.Infrastructure;

public static class AdminExtensions
{
    /// <summary>What admins run without a deploy: the BIN table (and, below, rule parameters, users, analytics).</summary>
    public static WebApplicationBuilder AddWalletHelpAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BinReferenceService>();
        builder.Services.AddSingleton<RuleParametersService>();
        builder.Services.AddSingleton<UserAdminService>();
        builder.Services.AddSingleton<AnalyticsService>();
        builder.Services.AddSingleton<WizardFunnelRecorder>();
        builder.Services.AddHostedService<WizardFunnelWriter>();
        builder.Services.AddSingleton<IDatabaseReadyStep, ReferenceDataLoader>();
        return builder;
    }

    /// <summary>Loads admin-imported reference data and the newest rule parameter set once the database is migrated, before the first request is let through.</summary>
    private sealed class ReferenceDataLoader(BinReferenceService bins, RuleParametersService rules) : IDatabaseReadyStep
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await bins.ReloadAsync(cancellationToken);
            await rules.LoadAsync(cancellationToken);
        }
    }
}
