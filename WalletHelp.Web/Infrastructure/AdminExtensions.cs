using WalletHelp.Web.Services.Reference;

namespace WalletHelp.Web.Infrastructure;

public static class AdminExtensions
{
    /// <summary>What admins run without a deploy: the BIN table (and, below, rule parameters, users, analytics).</summary>
    public static WebApplicationBuilder AddWalletHelpAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BinReferenceService>();
        builder.Services.AddHostedService<ReferenceDataLoader>();
        return builder;
    }

    /// <summary>Loads admin-imported reference data once the database is migrated (hosted services start after that).</summary>
    private sealed class ReferenceDataLoader(BinReferenceService bins) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => bins.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
