using Microsoft.Extensions.Caching.Memory;
using WalletHelp.Web.Infrastructure.ReaderPages;

namespace WalletHelp.Web.Services.Faq;

/// <summary>
/// Answers of recent FAQ searches, so a popular question (dozens of people typing 预留手机 while the bank's service is
/// down) costs one search, not one per request — the synonym fallback alone can run about twenty index searches.
/// Only the hits are cached: every search is still rate-limited and logged (<see cref="FaqService.SearchAsync"/>), which
/// is why the output cache does not take searches. Evicted with the FAQ's output-cache tag, at once and on every
/// instance, when an article, category or synonym changes (<see cref="ReaderCache"/>); entries also expire after
/// <see cref="MaxAge"/>, like the reader pages, in case an instance misses an eviction.
/// </summary>
public sealed class FaqSearchCache : ITaggedCache
{
    public static readonly TimeSpan MaxAge = ReaderCachePolicy.MaxAge;

    /// <summary>Room for about 20,000 hits (an entry counts its hits plus one), a few megabytes.</summary>
    public const long SizeLimit = 20_000;

    private MemoryCache cache = New();

    public string Tag => ReaderCache.Faq;

    /// <summary>The cached hits for this search, or the ones <paramref name="search"/> finds (then kept).</summary>
    public async Task<IReadOnlyList<FaqSearchHit>> GetOrSearchAsync(string query, string lang, string? categorySlug, int limit,
        Func<Task<IReadOnlyList<FaqSearchHit>>> search)
    {
        var key = new Key(query, lang, categorySlug ?? "", limit);
        var current = cache;
        if (current.TryGetValue(key, out IReadOnlyList<FaqSearchHit>? hits) && hits is not null)
        {
            return hits;
        }
        hits = await search();
        // An eviction while this search ran swapped the cache: what was found may predate the change, so it is not kept.
        if (ReferenceEquals(current, cache))
        {
            current.Set(key, hits, new MemoryCacheEntryOptions
            {
                Size = hits.Count + 1,
                AbsoluteExpirationRelativeToNow = MaxAge,
            });
        }
        return hits;
    }

    /// <summary>Forget every cached answer (an article, category or synonym changed).</summary>
    /// <remarks>The old cache is dropped, not disposed: a search still holding it may read or add to it harmlessly.</remarks>
    public void Evict() => Interlocked.Exchange(ref cache, New());

    private static MemoryCache New() => new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    private readonly record struct Key(string Query, string Lang, string Category, int Limit);
}
