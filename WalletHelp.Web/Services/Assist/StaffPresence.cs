namespace WalletHelp.Web.Services.Assist;

/// <summary>A member of staff with the live-assist page open.</summary>
public sealed record OnlineColleague(string UserId, string Name);

/// <summary>
/// Who has <c>/agent/assist</c> open on this server, so a lead can hand a live session to a colleague (or invite one
/// to watch) by picking a name instead of reading out a code. In memory, per server: in a farm each server lists its
/// own agents (the invitation itself travels on <see cref="IAssistChannel"/>, so it reaches the colleague anywhere).
/// </summary>
public sealed class StaffPresence
{
    private readonly object gate = new();
    private readonly Dictionary<string, (string Name, int Pages)> online = new(StringComparer.Ordinal);

    /// <summary>Raised when someone comes or goes.</summary>
    public event Action? Changed;

    /// <summary>Marks <paramref name="userId"/> online until the returned handle is disposed (one per open page).</summary>
    public IDisposable Enter(string userId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (gate)
        {
            online[userId] = (name, online.TryGetValue(userId, out var current) ? current.Pages + 1 : 1);
        }
        Changed?.Invoke();
        return new Handle(this, userId);
    }

    /// <summary>Everyone online but <paramref name="userId"/>, by name.</summary>
    public IReadOnlyList<OnlineColleague> Others(string? userId)
    {
        lock (gate)
        {
            return [.. online.Where(p => p.Key != userId).Select(p => new OnlineColleague(p.Key, p.Value.Name))
                .OrderBy(c => c.Name, StringComparer.Ordinal)];
        }
    }

    private void Leave(string userId)
    {
        lock (gate)
        {
            if (!online.TryGetValue(userId, out var current)) return;
            if (current.Pages <= 1) online.Remove(userId);
            else online[userId] = (current.Name, current.Pages - 1);
        }
        Changed?.Invoke();
    }

    private sealed class Handle(StaffPresence owner, string userId) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Leave(userId);
        }
    }
}
