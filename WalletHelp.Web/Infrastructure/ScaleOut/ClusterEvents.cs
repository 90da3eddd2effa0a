using System.Collections.Concurrent;
using StackExchange.Redis;

namespace WalletHelp.Web.Infrastructure.ScaleOut;

/// <summary>Names of the cross-instance events (one place).</summary>
public static class ClusterTopics
{
    /// <summary>An admin imported or rolled back BIN data: reload the BIN table.</summary>
    public const string Bins = "bins";

    /// <summary>An admin saved or restored a rule parameter set: load the newest set.</summary>
    public const string RuleParameters = "rule-parameters";

    /// <summary>An admin edited the FAQ synonyms: drop the cached list.</summary>
    public const string FaqSynonyms = "faq-synonyms";

    /// <summary>FAQ or status data changed: evict the output-cache tag (<c>ReaderCache.Faq</c> / <c>Status</c>).</summary>
    public static string ReaderCache(string tag) => "reader-cache:" + tag;
}

/// <summary>
/// A tiny event bus between the instances of a farm: "something shared changed, refresh your copy". The instance
/// that made the change has already refreshed itself; <see cref="Publish"/> tells the others. One instance (no
/// Redis): nothing to tell. With Redis: one pub/sub channel, each message "topic|sender" so an instance ignores its own.
/// </summary>
public interface IClusterEvents
{
    void Publish(string topic);

    IDisposable Subscribe(string topic, Func<Task> handler);
}

/// <summary>One instance: the change is already applied locally, so publishing does nothing.</summary>
public sealed class LocalClusterEvents : IClusterEvents
{
    public void Publish(string topic)
    {
    }

    public IDisposable Subscribe(string topic, Func<Task> handler) => new Noop();

    private sealed class Noop : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

public sealed class RedisClusterEvents : IClusterEvents
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("wallethelp:events");

    private readonly IConnectionMultiplexer redis;
    private readonly ILogger<RedisClusterEvents> logger;
    private readonly string sender = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> handlers = new(StringComparer.Ordinal);

    public RedisClusterEvents(IConnectionMultiplexer redis, ILogger<RedisClusterEvents> logger)
    {
        this.redis = redis;
        this.logger = logger;
        redis.GetSubscriber().Subscribe(Channel).OnMessage(OnMessageAsync);
    }

    public void Publish(string topic)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel, topic + "|" + sender, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Cluster event {Topic} not sent: {Error}", topic, ex.GetType().Name);
        }
    }

    public IDisposable Subscribe(string topic, Func<Task> handler)
    {
        var id = Guid.NewGuid();
        handlers.GetOrAdd(topic, _ => new()).TryAdd(id, handler);
        return new Subscription(() => handlers[topic].TryRemove(id, out _));
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        var text = (string?)message.Message ?? "";
        var bar = text.LastIndexOf('|');
        if (bar <= 0 || text[(bar + 1)..] == sender) return;
        var topic = text[..bar];
        if (!handlers.TryGetValue(topic, out var list)) return;
        foreach (var handler in list.Values)
        {
            try
            {
                await handler();
            }
            catch (Exception ex)
            {
                logger.LogWarning("Cluster event {Topic} handler failed: {Error}", topic, ex.GetType().Name);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
