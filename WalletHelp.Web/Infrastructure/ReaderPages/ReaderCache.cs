using Microsoft.AspNetCore.OutputCaching;

namespace WalletHelp.Web.Infrastructure.ReaderPages;

/// <summary>
/// The output-cache tags of reader pages and the anonymous FAQ/status API, and their eviction. Services that change
/// what a tag covers call <see cref="EvictAsync"/> right after their transaction commits, so the next anonymous
/// request renders afresh.
/// </summary>
public interface IReaderCache
{
    Task EvictAsync(string tag, CancellationToken cancellationToken = default);
}

public sealed class ReaderCache(IOutputCacheStore store, ILogger<ReaderCache> logger) : IReaderCache
{
    /// <summary>Articles, categories and synonyms: the FAQ pages and <c>/api/v1/faq…</c>.</summary>
    public const string Faq = "faq";

    /// <summary>Maintenance windows and incidents: <c>/status</c>, <c>/api/v1/status</c> and every page with the service banner.</summary>
    public const string Status = "status";

    public async Task EvictAsync(string tag, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
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
