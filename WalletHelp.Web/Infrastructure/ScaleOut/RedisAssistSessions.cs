using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Web.Infrastructure.ScaleOut;

/// <summary>
/// <see cref="IAssistSessions"/> shared by every instance: the state of <see cref="InMemoryAssistSessions"/> kept as
/// one JSON value in Redis, each operation run on a fresh copy under a Redis lock (load, apply, store). Live assist
/// has a handful of sessions at a time, so one key and one lock are enough, and every rule (codes, single use,
/// limits, expiry, hand-over) stays in one implementation.
/// </summary>
public sealed class RedisAssistSessions(IConnectionMultiplexer redis, TimeProvider time, IOptions<AssistOptions> options) : IAssistSessions
{
    private static readonly RedisKey StateKey = "wallethelp:assist:state";
    private static readonly RedisKey LockKey = "wallethelp:assist:lock";

    private T Run<T>(Func<InMemoryAssistSessions, T> operation)
    {
        var db = redis.GetDatabase();
        var token = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!db.LockTake(LockKey, token, TimeSpan.FromSeconds(10)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The live assist state is locked.");
            Thread.Sleep(2);
        }
        try
        {
            var store = new InMemoryAssistSessions(time, options);
            var state = db.StringGet(StateKey);
            if (state.HasValue) store.ImportState(state!);
            var result = operation(store);
            db.StringSet(StateKey, store.ExportState(), TimeSpan.FromDays(1));
            return result;
        }
        finally
        {
            db.LockRelease(LockKey, token);
        }
    }

    public AssistStart Start(string owner) => Run(s => s.Start(owner));

    public string? ActiveFor(string owner) => Run(s => s.ActiveFor(owner));

    public AssistClaim Claim(string code, AssistAgent agent) => Run(s => s.Claim(code, agent));

    public AssistInvite? Invite(string sessionId, string fromUserId, string role) => Run(s => s.Invite(sessionId, fromUserId, role));

    public AssistAgentView? AgentView(string sessionId) => Run(s => s.AgentView(sessionId));

    public AssistUserView? UserView(string sessionId) => Run(s => s.UserView(sessionId));

    public string? RoleOf(string sessionId, string userId) => Run(s => s.RoleOf(sessionId, userId));

    public bool SetSnapshot(string sessionId, AssistSnapshot snapshot) => Run(s => s.SetSnapshot(sessionId, snapshot));

    public bool SetPresence(string sessionId, bool connected) => Run(s => s.SetPresence(sessionId, connected));

    public AssistHint? AddHint(string sessionId, string userId, string text, string? field) => Run(s => s.AddHint(sessionId, userId, text, field));

    public AssistSuggestion? Suggest(string sessionId, string userId, string stepKey) => Run(s => s.Suggest(sessionId, userId, stepKey));

    public bool Leave(string sessionId, string userId) => Run(s => s.Leave(sessionId, userId));

    public bool End(string sessionId, string reason) => Run(s => s.End(sessionId, reason));

    public string? ReferenceOf(string sessionId) => Run(s => s.ReferenceOf(sessionId));
}
