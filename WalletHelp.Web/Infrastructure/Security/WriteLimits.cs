using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WalletHelp.Web.Api;

namespace WalletHelp.Web.Infrastructure.Security;

/// <summary>What anonymous people can write, each with its own per-minute budget per client address.</summary>
public enum WriteKind
{
    Diagnosis,
    FaqSearch,
    FaqVote,
    Feedback,
}

/// <summary>The outcome of asking for one write: allowed, or refused with the time to wait.</summary>
public readonly record struct WriteDecision(bool Allowed, TimeSpan RetryAfter)
{
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>Thrown by a service when the caller's budget for this kind of write is spent.</summary>
public sealed class WriteLimitExceededException(WriteKind kind, TimeSpan retryAfter)
    : Exception($"Too many {kind} writes; retry after {retryAfter.TotalSeconds:0} s.")
{
    public WriteKind Kind { get; } = kind;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public int RetryAfterSeconds => new WriteDecision(false, RetryAfter).RetryAfterSeconds;
}

/// <summary>
/// One set of fixed-window budgets per client address, shared by every path that writes: the API and the
/// interactive pages (a circuit knows its client's address from the first request, see <c>CircuitUser</c>).
/// The API used to have its own limiter and the wizard none, so the wizard went on saving while the API said 429.
/// </summary>
public sealed class WriteLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(WriteKind Kind, string Client)> limiter;

    public WriteLimits(IOptions<RateLimitOptions> options)
    {
        limiter = PartitionedRateLimiter.Create<(WriteKind Kind, string Client), (WriteKind Kind, string Client)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Permits(options.Value, k.Kind),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public WriteDecision TryAcquire(WriteKind kind, string? client)
    {
        using var lease = limiter.AttemptAcquire((kind, string.IsNullOrEmpty(client) ? "unknown" : client));
        if (lease.IsAcquired)
        {
            return new WriteDecision(true, TimeSpan.Zero);
        }
        return new WriteDecision(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1));
    }

    /// <summary>Throws <see cref="WriteLimitExceededException"/> when the budget is spent.</summary>
    public void Acquire(WriteKind kind, string? client)
    {
        var decision = TryAcquire(kind, client);
        if (!decision.Allowed)
        {
            throw new WriteLimitExceededException(kind, decision.RetryAfter);
        }
    }

    /// <summary>The address a budget is kept for (the same string for a request and for the circuit it starts).</summary>
    public static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The same key for a circuit: the address its first request came from.</summary>
    public static string ClientKey(Services.CircuitUser user) => user.ClientAddress ?? "unknown";

    private static int Permits(RateLimitOptions options, WriteKind kind) => kind switch
    {
        WriteKind.Diagnosis => options.DiagnosesPerMinute,
        WriteKind.FaqSearch => options.FaqSearchesPerMinute,
        WriteKind.FaqVote => options.FaqVotesPerMinute,
        _ => options.FeedbackPerMinute,
    };

    public void Dispose() => limiter.Dispose();
}
