using System.Security.Cryptography;

namespace WalletHelp.Web.Services.Assist;

/// <summary>Limits of live assist (<c>WalletHelp:Assist</c>).</summary>
public sealed class AssistOptions
{
    /// <summary>How long a code the user reads out (or a colleague's invitation code) can be used.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session whose user has been away this long ends.</summary>
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Codes one browser may ask for per <see cref="StartWindow"/>.</summary>
    public int StartsPerWindow { get; set; } = 5;

    public TimeSpan StartWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Codes one member of staff may try per <see cref="ClaimWindow"/> (a 6-digit code must not be guessable).</summary>
    public int ClaimsPerWindow { get; set; } = 10;

    public TimeSpan ClaimWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Hints kept per session (the newest).</summary>
    public int MaxHints { get; set; } = 20;

    /// <summary>Hint length (characters, after trimming).</summary>
    public int MaxHintLength { get; set; } = 300;
}

public sealed record AssistStart(string SessionId, string Code, DateTimeOffset ExpiresAt);

public enum AssistClaimStatus
{
    Joined,
    Invalid,
    Expired,
    Used,
    RateLimited,
}

/// <summary>The answer to a code typed by a member of staff.</summary>
public sealed record AssistClaim(AssistClaimStatus Status, string? SessionId = null, string? Role = null, TimeSpan RetryAfter = default);

/// <summary>An invitation code for a colleague: <see cref="AssistAgent.Lead"/> hands the session over, watcher only watches.</summary>
public sealed record AssistInvite(string Code, string Role, DateTimeOffset ExpiresAt);

/// <summary>Thrown when a browser asked for too many codes.</summary>
public sealed class AssistRateLimitedException(TimeSpan retryAfter) : Exception($"Too many assist codes; retry after {retryAfter.TotalSeconds:0} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// The state of live assist sessions: codes, who is connected, the latest masked snapshot, hints. Every method
/// takes and returns plain values (no shared objects), so a Redis-backed store can replace the in-memory one; the
/// notifications go through <see cref="IAssistChannel"/> (see <see cref="AssistService"/>).
/// </summary>
public interface IAssistSessions
{
    /// <summary>A new session and code for <paramref name="owner"/> (a browser); ends the owner's previous one.</summary>
    /// <exception cref="AssistRateLimitedException">The owner asked for too many codes.</exception>
    AssistStart Start(string owner);

    /// <summary>The owner's live session, if any.</summary>
    string? ActiveFor(string owner);

    /// <summary>A code typed by staff: the user's code (joins as lead) or a colleague's invitation. Codes work once.</summary>
    AssistClaim Claim(string code, AssistAgent agent);

    /// <summary>An invitation code for a colleague; null unless <paramref name="fromUserId"/> leads the session.</summary>
    AssistInvite? Invite(string sessionId, string fromUserId, string role);

    AssistAgentView? AgentView(string sessionId);

    AssistUserView? UserView(string sessionId);

    /// <summary>The member's role in a live session, or null.</summary>
    string? RoleOf(string sessionId, string userId);

    bool SetSnapshot(string sessionId, AssistSnapshot snapshot);

    /// <summary>One of the user's circuits came (true) or went (false).</summary>
    bool SetPresence(string sessionId, bool connected);

    AssistHint? AddHint(string sessionId, string userId, string text, string? field);

    AssistSuggestion? Suggest(string sessionId, string userId, string stepKey);

    bool Leave(string sessionId, string userId);

    bool End(string sessionId, string reason);

    /// <summary>The diagnosis reference, once the user has one.</summary>
    string? ReferenceOf(string sessionId);
}

/// <summary>One server's sessions, in memory. Thread-safe by one lock (a handful of sessions, tiny critical sections).</summary>
public sealed class InMemoryAssistSessions(TimeProvider time, Microsoft.Extensions.Options.IOptions<AssistOptions> options) : IAssistSessions
{
    public const string EndedByUser = "user";
    public const string EndedExpired = "expired";
    public const string EndedReplaced = "replaced";

    private readonly object gate = new();
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeEntry> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> starts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> claims = new(StringComparer.Ordinal);

    private AssistOptions Options => options.Value;

    private static readonly System.Text.Json.JsonSerializerOptions StateJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Everything this store holds, as JSON (a farm keeps it in Redis: see <c>RedisAssistSessions</c>).</summary>
    internal string ExportState()
    {
        lock (gate)
        {
            return System.Text.Json.JsonSerializer.Serialize(new State(sessions, codes, starts, claims), StateJson);
        }
    }

    /// <summary>Replaces this store's contents with <see cref="ExportState"/>'s output.</summary>
    internal void ImportState(string json)
    {
        var state = System.Text.Json.JsonSerializer.Deserialize<State>(json, StateJson);
        if (state is null) return;
        lock (gate)
        {
            sessions.Clear();
            codes.Clear();
            starts.Clear();
            claims.Clear();
            foreach (var (k, v) in state.Sessions) sessions[k] = v;
            foreach (var (k, v) in state.Codes) codes[k] = v;
            foreach (var (k, v) in state.Starts) starts[k] = v;
            foreach (var (k, v) in state.Claims) claims[k] = v;
        }
    }

    private sealed record State(
        Dictionary<string, Session> Sessions,
        Dictionary<string, CodeEntry> Codes,
        Dictionary<string, Queue<DateTimeOffset>> Starts,
        Dictionary<string, Queue<DateTimeOffset>> Claims);

    public AssistStart Start(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            if (!Admit(starts, owner, Options.StartsPerWindow, Options.StartWindow, now, out var retry))
            {
                throw new AssistRateLimitedException(retry);
            }
            foreach (var previous in sessions.Values.Where(s => s.Owner == owner && s.EndReason is null).ToList())
            {
                EndLocked(previous, EndedReplaced, now);
            }
            var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            var code = NewCode();
            var expires = now + Options.CodeLifetime;
            sessions[id] = new Session(id, owner, now) { Code = code, CodeExpiresAt = expires, LastUserActivity = now };
            codes[code] = new CodeEntry(id, AssistAgent.Lead, expires, FromUser: true);
            return new AssistStart(id, code, expires);
        }
    }

    public string? ActiveFor(string owner)
    {
        lock (gate)
        {
            Sweep(time.GetUtcNow());
            return sessions.Values.FirstOrDefault(s => s.Owner == owner && s.EndReason is null)?.Id;
        }
    }

    public AssistClaim Claim(string code, AssistAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            if (!Admit(claims, agent.UserId, Options.ClaimsPerWindow, Options.ClaimWindow, now, out var retry))
            {
                return new AssistClaim(AssistClaimStatus.RateLimited, RetryAfter: retry);
            }
            var clean = new string([.. (code ?? "").Where(char.IsAsciiDigit)]);
            if (clean.Length != 6 || !codes.TryGetValue(clean, out var entry))
            {
                return new AssistClaim(AssistClaimStatus.Invalid);
            }
            if (!sessions.TryGetValue(entry.SessionId, out var session) || session.EndReason is not null || entry.Used)
            {
                return new AssistClaim(AssistClaimStatus.Used);
            }
            if (entry.ExpiresAt <= now)
            {
                codes.Remove(clean);
                return new AssistClaim(AssistClaimStatus.Expired);
            }
            // Single use: the code is spent (kept, marked, until it would have expired, so a second try says "used").
            codes[clean] = entry with { Used = true };
            if (entry.FromUser) session.Code = null;
            if (entry.Role == AssistAgent.Lead)
            {
                // A hand-over: the colleague leads, whoever led before steps out.
                session.Agents.RemoveAll(a => a.Role == AssistAgent.Lead || a.UserId == agent.UserId);
            }
            else
            {
                session.Agents.RemoveAll(a => a.UserId == agent.UserId);
            }
            session.Agents.Add(agent with { Role = entry.Role });
            session.Version++;
            return new AssistClaim(AssistClaimStatus.Joined, session.Id, entry.Role);
        }
    }

    public AssistInvite? Invite(string sessionId, string fromUserId, string role)
    {
        if (role is not (AssistAgent.Lead or AssistAgent.Watcher)) return null;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (Live(sessionId, now) is not { } session || !session.Agents.Any(a => a.UserId == fromUserId && a.Role == AssistAgent.Lead))
            {
                return null;
            }
            var code = NewCode();
            var expires = now + Options.CodeLifetime;
            codes[code] = new CodeEntry(session.Id, role, expires, FromUser: false);
            return new AssistInvite(code, role, expires);
        }
    }

    public AssistAgentView? AgentView(string sessionId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            return sessions.TryGetValue(sessionId, out var s) ? ToAgentView(s) : null;
        }
    }

    public AssistUserView? UserView(string sessionId)
    {
        lock (gate)
        {
            Sweep(time.GetUtcNow());
            return sessions.TryGetValue(sessionId, out var s) ? ToUserView(s) : null;
        }
    }

    public string? RoleOf(string sessionId, string userId)
    {
        lock (gate)
        {
            return Live(sessionId, time.GetUtcNow()) is { } s ? s.Agents.FirstOrDefault(a => a.UserId == userId)?.Role : null;
        }
    }

    public bool SetSnapshot(string sessionId, AssistSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (Live(sessionId, now) is not { } s) return false;
            var last = s.Timeline.LastOrDefault();
            if (last is null || last.Page != snapshot.Page || last.StepKey != snapshot.StepKey)
            {
                s.Timeline.Add(new AssistTimelineEntry(now, snapshot.Page, snapshot.StepKey));
                if (s.Timeline.Count > 50) s.Timeline.RemoveAt(0);
            }
            s.Snapshot = snapshot;
            if (snapshot.Reference is not null) s.Reference = snapshot.Reference;
            s.LastUserActivity = now;
            s.Version++;
            return true;
        }
    }

    public bool SetPresence(string sessionId, bool connected)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (Live(sessionId, now) is not { } s) return false;
            s.Circuits = Math.Max(0, s.Circuits + (connected ? 1 : -1));
            s.LastUserActivity = now;
            s.Version++;
            return true;
        }
    }

    public AssistHint? AddHint(string sessionId, string userId, string text, string? field)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (Live(sessionId, now) is not { } s || s.Agents.FirstOrDefault(a => a.UserId == userId) is not { Role: AssistAgent.Lead } agent)
            {
                return null;
            }
            var hint = new AssistHint(++s.Counter, now, agent.Name, text, field);
            s.Hints.Add(hint);
            if (s.Hints.Count > Options.MaxHints) s.Hints.RemoveAt(0);
            if (field is not null) s.Pointer = hint;
            s.Version++;
            return hint;
        }
    }

    public AssistSuggestion? Suggest(string sessionId, string userId, string stepKey)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (Live(sessionId, now) is not { } s || s.Agents.FirstOrDefault(a => a.UserId == userId) is not { Role: AssistAgent.Lead } agent)
            {
                return null;
            }
            s.Suggestion = new AssistSuggestion(++s.Counter, now, agent.Name, stepKey);
            s.Version++;
            return s.Suggestion;
        }
    }

    public bool Leave(string sessionId, string userId)
    {
        lock (gate)
        {
            if (!sessions.TryGetValue(sessionId, out var s) || s.Agents.RemoveAll(a => a.UserId == userId) == 0) return false;
            s.Version++;
            return true;
        }
    }

    public bool End(string sessionId, string reason)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (Live(sessionId, now) is not { } s) return false;
            EndLocked(s, reason, now);
            return true;
        }
    }

    public string? ReferenceOf(string sessionId)
    {
        lock (gate)
        {
            return sessions.TryGetValue(sessionId, out var s) ? s.Reference : null;
        }
    }

    private Session? Live(string sessionId, DateTimeOffset now)
    {
        Sweep(now);
        return sessions.TryGetValue(sessionId, out var s) && s.EndReason is null ? s : null;
    }

    /// <summary>Ends what expired; forgets ended sessions and spent codes after their lifetime.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var s in sessions.Values.ToList())
        {
            if (s.EndReason is null)
            {
                var unclaimed = s.Agents.Count == 0 && s.Code is not null && s.CodeExpiresAt <= now;
                var idle = s.Circuits == 0 && s.LastUserActivity + Options.IdleLifetime <= now;
                if (unclaimed || idle) EndLocked(s, EndedExpired, now);
            }
            else if (s.EndedAt + Options.IdleLifetime <= now)
            {
                sessions.Remove(s.Id);
            }
        }
        foreach (var (code, entry) in codes.ToList())
        {
            if (entry.ExpiresAt <= now) codes.Remove(code);
        }
    }

    private static void EndLocked(Session s, string reason, DateTimeOffset now)
    {
        s.EndReason = reason;
        s.EndedAt = now;
        s.Code = null;
        s.Version++;
    }

    private string NewCode()
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (!codes.ContainsKey(code)) return code;
        }
    }

    private static bool Admit(Dictionary<string, Queue<DateTimeOffset>> log, string key, int limit, TimeSpan window, DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (!log.TryGetValue(key, out var times)) log[key] = times = new Queue<DateTimeOffset>();
        while (times.Count > 0 && times.Peek() + window <= now) times.Dequeue();
        if (times.Count >= limit)
        {
            retryAfter = times.Peek() + window - now;
            return false;
        }
        times.Enqueue(now);
        retryAfter = TimeSpan.Zero;
        return true;
    }

    private static AssistAgentView ToAgentView(Session s) => new(
        s.Id,
        s.EndReason is not null ? AssistPresence.Ended : s.Agents.Count == 0 && s.Circuits > 0 ? AssistPresence.Waiting
            : s.Circuits > 0 ? AssistPresence.Connected : AssistPresence.Disconnected,
        s.EndReason,
        [.. s.Agents],
        s.Snapshot,
        [.. s.Timeline],
        [.. s.Hints],
        s.Suggestion,
        s.Reference,
        s.Version);

    private static AssistUserView ToUserView(Session s) => new(
        s.Id,
        s.Code,
        s.CodeExpiresAt,
        s.EndReason is not null,
        [.. s.Agents.Select(a => a.Name)],
        [.. s.Hints],
        s.Pointer,
        s.Suggestion,
        s.Version);

    private sealed record CodeEntry(string SessionId, string Role, DateTimeOffset ExpiresAt, bool FromUser, bool Used = false);

    private sealed class Session(string id, string owner, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;
        public string Owner { get; } = owner;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public string? Code { get; set; }
        public DateTimeOffset CodeExpiresAt { get; set; }
        public DateTimeOffset LastUserActivity { get; set; }
        public int Circuits { get; set; }
        public List<AssistAgent> Agents { get; set; } = [];
        public AssistSnapshot? Snapshot { get; set; }
        public List<AssistTimelineEntry> Timeline { get; set; } = [];
        public List<AssistHint> Hints { get; set; } = [];
        public AssistHint? Pointer { get; set; }
        public AssistSuggestion? Suggestion { get; set; }
        public string? Reference { get; set; }
        public string? EndReason { get; set; }
        public DateTimeOffset EndedAt { get; set; }
        public int Counter { get; set; }
        public long Version { get; set; }
    }
}
