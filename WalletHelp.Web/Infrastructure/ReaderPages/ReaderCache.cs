using Microsoft.AspNetCore.OutputCaching;
using WalletHelp.Web.Infrastructure.ScaleOut;

namespace WalletHelp.Web.Infrastructure.ReaderPages;

/// <summary>
/// The output-cache tags of reader pages and the anonymous FAQ/status API, and their eviction. Services that change
/// what a tag covers call <see cref="EvictAsync"/> right after their transaction commits, so the next anonymous
/// request renders afresh — on every instance of a farm: the eviction is also published as a cluster event
/// (<see cref="ClusterTopics.ReaderCache"/>), and each instance evicts its own store when it hears it.
/// </summary>
public interface IReaderCache
{
    Task EvictAsync(string tag, CancellationToken cancellationToken = default);
}

/// <summary>
/// An in-memory cache of something a reader-cache tag covers (e.g. FAQ search answers), emptied whenever that tag is
/// evicted — here or, in a farm, on another instance.
/// </summary>
public interface ITaggedCache
{
    string Tag { get; }

    void Evict();
}

public sealed class ReaderCache : IReaderCache, IDisposable
{
    private readonly IOutputCacheStore store;
    private readonly ILogger<ReaderCache> logger;
    private readonly IClusterEvents? cluster;
    private readonly List<IDisposable> subscriptions = [];
    private readonly ITaggedCache[] taggedCaches;

    public ReaderCache(IOutputCacheStore store, ILogger<ReaderCache> logger, IClusterEvents? cluster = null,
        IEnumerable<ITaggedCache>? taggedCaches = null)
    {
        this.store = store;
        this.logger = logger;
        this.cluster = cluster;
        this.taggedCaches = taggedCaches?.ToArray() ?? [];
        if (cluster is null) return;
        foreach (var tag in (string[])[Faq, Status])
        {
            subscriptions.Add(cluster.Subscribe(ClusterTopics.ReaderCache(tag), () => EvictHereAsync(tag)));
        }
    }

    /// <summary>Articles, categories and synonyms: the FAQ pages and <c>/api/v1/faq…</c>.</summary>
    public const string Faq = "faq";

    /// <summary>Maintenance windows and incidents: <c>/status</c>, <c>/api/v1/status</c> and every page with the service banner.</summary>
    public const string Status = "status";

    public async Task EvictAsync(string tag, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        await EvictHereAsync(tag);
        cluster?.Publish(ClusterTopics.ReaderCache(tag));
    }

    public void Dispose() => subscriptions.ForEach(s => s.Dispose());

    private async Task EvictHereAsync(string tag)
    {
        foreach (var cache in taggedCaches)
        {
            if (cache.Tag == tag) cache.Evict();
        }
        try
        {
            // Not the caller's token: the change is committed, the cache must follow even if the request is gone.
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The in-memory store does not fail; a distributed one might. Entries still expire (ReaderCachePolicy.MaxAge).
            logger.LogError("Output cache eviction of tag {Tag} failed: {Error}", tag, ex.GetType().Name);
        }
    }
}
