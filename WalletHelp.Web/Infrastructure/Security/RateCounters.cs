using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace WalletHelp.Web.Infrastructure.Security;

/// <summary>
/// Fixed-window budgets per (bucket, client): "may this client take one more of <paramref name="permits"/> in this
/// window?". Every per-address limit of the app goes through it (<see cref="WriteLimits"/> and the sign-in and
/// account-mail policies). One instance: <see cref="InProcessRateCounter"/>. A farm with Redis:
/// <see cref="RedisRateCounter"/>, so every instance spends from one budget.
/// </summary>
public interface IRateCounter
{
    ValueTask<WriteDecision> TryTakeAsync(string bucket, string client, int permits, TimeSpan window, CancellationToken cancellationToken = default);
}

/// <summary>The budgets in this process (System.Threading.RateLimiting fixed windows, as before the farm).</summary>
public sealed class InProcessRateCounter : IRateCounter, IDisposable
{
    private readonly PartitionedRateLimiter<(string Bucket, string Client, int Permits, TimeSpan Window)> limiter =
        PartitionedRateLimiter.Create<(string Bucket, string Client, int Permits, TimeSpan Window), (string, string, int, TimeSpan)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
            {
                PermitLimit = k.Item3,
                Window = k.Item4,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public ValueTask<WriteDecision> TryTakeAsync(string bucket, string client, int permits, TimeSpan window, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TryTake(bucket, client, permits, window));

    public WriteDecision TryTake(string bucket, string client, int permits, TimeSpan window)
    {
        using var lease = limiter.AttemptAcquire((bucket, client, permits, window));
        return lease.IsAcquired
            ? new WriteDecision(true, TimeSpan.Zero)
            : new WriteDecision(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : window);
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// One budget for the whole farm: a Redis counter per (bucket, client, window) — <c>INCR</c>, and <c>PEXPIRE</c> on the
/// window's first request, in one Lua script (one round trip, atomic). The window starts at the client's first request
/// and the answer's Retry-After is the key's remaining time to live.
/// <para>When Redis cannot be reached the limit <b>fails open to this instance's own budget</b>
/// (<see cref="InProcessRateCounter"/>) with a warning at most once a minute: people can still diagnose while Redis is
/// down, and a client gets at most the per-instance budget on each instance, as before the shared limits.</para>
/// </summary>
public sealed class RedisRateCounter(IConnectionMultiplexer redis, InProcessRateCounter fallback, ILogger<RedisRateCounter> logger, TimeProvider time)
    : IRateCounter
{
    public const string KeyPrefix = "wallethelp:rate:";

    // KEYS[1] the counter; ARGV[1] the window in ms. Returns { count, ms left }.
    private const string Script = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { n, ttl }
        """;

    private long lastWarning = long.MinValue;

    public async ValueTask<WriteDecision> TryTakeAsync(string bucket, string client, int permits, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            Warn(null);
            return fallback.TryTake(bucket, client, permits, window);
        }
        try
        {
            var key = (RedisKey)$"{KeyPrefix}{bucket}:{(long)window.TotalMilliseconds}:{client}";
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            var left = TimeSpan.FromMilliseconds(Math.Max(1, (long)result[1]));
            return count <= permits ? new WriteDecision(true, TimeSpan.Zero) : new WriteDecision(false, left);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn(ex);
            return fallback.TryTake(bucket, client, permits, window);
        }
    }

    private void Warn(Exception? ex)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref lastWarning);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1)) return;
        if (Interlocked.CompareExchange(ref lastWarning, now, last) != last) return;
        logger.LogWarning("Redis unreachable ({Error}): rate limits fall back to this instance's own budgets until it is back",
            ex?.GetType().Name ?? "not connected");
    }
}

/// <summary>
/// A <see cref="RateLimiter"/> over an <see cref="IRateCounter"/> for the rate-limiting middleware (sign-in and
/// account-mail policies), one per (bucket, client) partition. The middleware first calls
/// <see cref="RateLimiter.AttemptAcquire"/> and, when that is not granted, <see cref="RateLimiter.AcquireAsync"/>:
/// the synchronous attempt never decides (a Redis round trip must not block a thread), so each request is counted
/// exactly once, in the asynchronous call.
/// </summary>
public sealed class CounterRateLimiter(IRateCounter counter, string bucket, string client, int permits, TimeSpan window) : RateLimiter
{
    public override TimeSpan? IdleDuration => TimeSpan.Zero;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0) return Lease.Granted;
        var decision = await counter.TryTakeAsync(bucket, client, permits, window, cancellationToken);
        return decision.Allowed ? Lease.Granted : new Lease(false, decision.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Undecided = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
