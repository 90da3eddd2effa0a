using WalletHelp.Web.Infrastructure.ReaderPages;

namespace WalletHelp.Web.Services.Status;

/// <summary>
/// What <see cref="ServiceStatusService"/> keeps in memory between status changes: the current board (read by every
/// diagnosis and every page's banner) and the next moment the clock changes it (read by the output cache). Emptied
/// with the status output-cache tag — by a change on this instance or, in a farm, on another one.
/// </summary>
public sealed class StatusMemo : ITaggedCache
{
    /// <summary>Kept at most this long, like the cached reader pages, in case an instance misses an eviction.</summary>
    public static readonly TimeSpan MaxAge = ReaderCachePolicy.MaxAge;

    public sealed record BoardEntry(StatusBoard Board, DateTimeOffset TakenAt, DateTimeOffset RecheckAt);

    public sealed record NextChangeEntry(DateTimeOffset? Next, DateTimeOffset RecheckAt);

    private readonly Lock gate = new();
    private long version;

    public string Tag => ReaderCache.Status;

    public BoardEntry? Board { get; private set; }

    public NextChangeEntry? NextChange { get; private set; }

    /// <summary>Read before querying; <see cref="Keep"/> stores nothing if an eviction came in between.</summary>
    public long Version => Interlocked.Read(ref version);

    public void Keep(long readVersion, BoardEntry entry)
    {
        lock (gate)
        {
            if (version == readVersion) Board = entry;
        }
    }

    public void Keep(long readVersion, NextChangeEntry entry)
    {
        lock (gate)
        {
            if (version == readVersion) NextChange = entry;
        }
    }

    public void Evict()
    {
        lock (gate)
        {
            version++;
            Board = null;
            NextChange = null;
        }
    }
}
