using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Web.Infrastructure.ReaderPages;
using WalletHelp.Web.Infrastructure.ScaleOut;

namespace WalletHelp.Tests.ScaleOut;

/// <summary>
/// In a farm each instance has its own output cache: an eviction on one instance is published as a cluster event, and
/// every other instance evicts the same tag from its own store when it hears it.
/// </summary>
public sealed class ReaderCacheClusterTests
{
    [Fact]
    public async Task Evicting_EvictsHere_AndTellsTheOtherInstances()
    {
        var store = new RecordingStore();
        var events = new RecordingEvents();
        using var cache = new ReaderCache(store, NullLogger<ReaderCache>.Instance, events);

        await cache.EvictAsync(ReaderCache.Faq, TestContext.Current.CancellationToken);

        Assert.Equal([ReaderCache.Faq], store.Evicted);
        Assert.Equal([ClusterTopics.ReaderCache(ReaderCache.Faq)], events.Published);
    }

    [Fact]
    public async Task AnotherInstancesEviction_EvictsTheSameTagHere_WithoutPublishingAgain()
    {
        var store = new RecordingStore();
        var events = new RecordingEvents();
        using var cache = new ReaderCache(store, NullLogger<ReaderCache>.Instance, events);

        await events.ReceiveAsync(ClusterTopics.ReaderCache(ReaderCache.Status));

        Assert.Equal([ReaderCache.Status], store.Evicted);
        Assert.Empty(events.Published);
    }

    [Fact]
    public async Task OneInstance_WithoutClusterEvents_EvictsHere()
    {
        var store = new RecordingStore();
        var cache = new ReaderCache(store, NullLogger<ReaderCache>.Instance);

        await cache.EvictAsync(ReaderCache.Status, TestContext.Current.CancellationToken);

        Assert.Equal([ReaderCache.Status], store.Evicted);
    }

    private sealed class RecordingStore : IOutputCacheStore
    {
        public List<string> Evicted { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evicted.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class RecordingEvents : IClusterEvents
    {
        private readonly Dictionary<string, List<Func<Task>>> handlers = [];

        public List<string> Published { get; } = [];

        public void Publish(string topic) => Published.Add(topic);

        public IDisposable Subscribe(string topic, Func<Task> handler)
        {
            if (!handlers.TryGetValue(topic, out var list)) handlers[topic] = list = [];
            list.Add(handler);
            return new Unsubscribe(() => list.Remove(handler));
        }

        public async Task ReceiveAsync(string topic)
        {
            foreach (var handler in handlers.GetValueOrDefault(topic) ?? []) await handler();
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
