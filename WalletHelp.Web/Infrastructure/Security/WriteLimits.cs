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
/// The budgets live in an <see cref="IRateCounter"/>: this process, or Redis for a farm (one budget for all instances).
/// </summary>
public sealed class WriteLimits(IOptions<RateLimitOptions> options, IRateCounter counter)
{
    /// <summary>In-process budgets only (tests and tools that build services by hand).</summary>
    public WriteLimits(IOptions<RateLimitOptions> options)
        : this(options, new InProcessRateCounter())
    {
    }

    public ValueTask<WriteDecision> TryAcquireAsync(WriteKind kind, string? client, CancellationToken cancellationToken = default) =>
        counter.TryTakeAsync("write:" + kind, string.IsNullOrEmpty(client) ? "unknown" : client, Permits(options.Value, kind),
            TimeSpan.FromMinutes(1), cancellationToken);

    /// <summary>Throws <see cref="WriteLimitExceededException"/> when the budget is spent.</summary>
    public async ValueTask AcquireAsync(WriteKind kind, string? client, CancellationToken cancellationToken = default)
    {
        var decision = await TryAcquireAsync(kind, client, cancellationToken);
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
}
