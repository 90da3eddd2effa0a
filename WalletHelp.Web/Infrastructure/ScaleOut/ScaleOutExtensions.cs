using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Assist;
using WalletHelp.Web.Services.Reference;
using WalletHelp.Web.Services.Rules;

namespace WalletHelp.Web.Infrastructure.ScaleOut;

/// <summary>
/// Several instances behind a load balancer (README "Running on several machines"): with
/// <c>ConnectionStrings:Redis</c> set, live assist (channel and sessions) and the cross-instance events go through
/// Redis; without it everything stays in-process. <c>WalletHelp:InstanceName</c> names the instance in the
/// <c>X-WalletHelp-Instance</c> header of every response.
/// </summary>
public static class ScaleOutExtensions
{
    public const string RedisConnectionName = "Redis";
    public const string InstanceHeader = "X-WalletHelp-Instance";

    /// <summary>Registers the Redis-or-in-process choices (resolved when first needed, so test hosts' configuration counts).</summary>
    public static WebApplicationBuilder AddWalletHelpScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<InProcessAssistChannel>();
        services.AddSingleton<InMemoryAssistSessions>();
        services.AddSingleton<IAssistChannel>(sp => sp.GetRequiredService<RedisConnection>().Multiplexer is { } redis
            ? new RedisAssistChannel(redis, sp.GetRequiredService<ILogger<RedisAssistChannel>>())
            : sp.GetRequiredService<InProcessAssistChannel>());
        services.AddSingleton<IAssistSessions>(sp => sp.GetRequiredService<RedisConnection>().Multiplexer is { } redis
            ? ActivatorUtilities.CreateInstance<RedisAssistSessions>(sp, redis)
            : sp.GetRequiredService<InMemoryAssistSessions>());
        services.AddSingleton<IClusterEvents>(sp => sp.GetRequiredService<RedisConnection>().Multiplexer is { } redis
            ? new RedisClusterEvents(redis, sp.GetRequiredService<ILogger<RedisClusterEvents>>())
            : new LocalClusterEvents());
        // Rate limits: one budget per client for the whole farm in Redis; this instance's own when Redis is absent
        // (and, with a warning, while it is unreachable: RedisRateCounter fails open to the per-instance budget).
        services.AddSingleton<InProcessRateCounter>();
        services.AddSingleton<IRateCounter>(sp => sp.GetRequiredService<RedisConnection>().Multiplexer is { } redis
            ? ActivatorUtilities.CreateInstance<RedisRateCounter>(sp, redis)
            : sp.GetRequiredService<InProcessRateCounter>());
        services.AddHostedService<ClusterEventWiring>();

        var health = services.AddHealthChecks();
        health.AddCheck<DrainingHealthCheck>("accepting", tags: ["ready"]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName)))
        {
            health.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }
        return builder;
    }

    /// <summary>Names this instance in every response (<c>WalletHelp:InstanceName</c>; nothing when unset).</summary>
    public static IApplicationBuilder UseInstanceName(this WebApplication app)
    {
        var name = app.Configuration["WalletHelp:InstanceName"];
        if (string.IsNullOrWhiteSpace(name)) return app;
        return app.Use((context, next) =>
        {
            context.Response.Headers[InstanceHeader] = name;
            return next(context);
        });
    }

    /// <summary><c>/healthz/ready</c>: 200 while this instance should get traffic (database, Redis when configured, not stopping).</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready") || c.Name == "database",
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The Redis connection when <c>ConnectionStrings:Redis</c> is set (connects once, reconnects by itself).</summary>
    public sealed class RedisConnection(IConfiguration configuration) : IDisposable
    {
        private readonly Lazy<IConnectionMultiplexer?> multiplexer = new(() =>
        {
            var cs = configuration.GetConnectionString(RedisConnectionName);
            if (string.IsNullOrWhiteSpace(cs)) return null;
            var options = ConfigurationOptions.Parse(cs);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });

        public IConnectionMultiplexer? Multiplexer => multiplexer.Value;

        public void Dispose()
        {
            if (multiplexer.IsValueCreated) multiplexer.Value?.Dispose();
        }
    }

    private sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (connection.Multiplexer is not { } redis) return HealthCheckResult.Healthy("not configured");
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("redis unreachable", ex);
            }
        }
    }

    private sealed class DrainingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("stopping")
                : HealthCheckResult.Healthy());
    }

    /// <summary>
    /// An admin's change on one instance refreshes the BIN table, the rule parameter set, the FAQ synonyms and the
    /// reader pages' output cache on every other.
    /// </summary>
    private sealed class ClusterEventWiring(IClusterEvents events, BinReferenceService bins, RuleParametersService rules,
        Services.Faq.FaqSynonymService synonyms, ReaderPages.IReaderCache readerCache) : IHostedService
    {
        private readonly List<IDisposable> subscriptions = [];

        public Task StartAsync(CancellationToken cancellationToken)
        {
            // The reader cache listens for other instances' evictions from its construction: build it at start, not at
            // this instance's first own change (an instance that only serves readers would never hear them otherwise).
            _ = readerCache;
            subscriptions.Add(events.Subscribe(ClusterTopics.Bins, () => bins.ReloadAsync()));
            subscriptions.Add(events.Subscribe(ClusterTopics.RuleParameters, () => rules.LoadAsync()));
            subscriptions.Add(events.Subscribe(ClusterTopics.FaqSynonyms, () =>
            {
                synonyms.Forget();
                return Task.CompletedTask;
            }));
            bins.Changed += OnBins;
            rules.Changed += OnRules;
            synonyms.Changed += OnSynonyms;
            return Task.CompletedTask;
        }

        private void OnBins() => events.Publish(ClusterTopics.Bins);

        private void OnRules() => events.Publish(ClusterTopics.RuleParameters);

        private void OnSynonyms() => events.Publish(ClusterTopics.FaqSynonyms);

        public Task StopAsync(CancellationToken cancellationToken)
        {
            bins.Changed -= OnBins;
            rules.Changed -= OnRules;
            synonyms.Changed -= OnSynonyms;
            subscriptions.ForEach(s => s.Dispose());
            return Task.CompletedTask;
        }
    }
}
