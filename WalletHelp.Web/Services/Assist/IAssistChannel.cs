using System.Collections.Concurrent;
using System.Text.Json;

namespace WalletHelp.Web.Services.Assist;

/// <summary>
/// The live channel between circuits: publish a message on a topic, get every message published on a topic you
/// subscribed to. Topics are plain strings (<see cref="AssistTopics"/>), messages are serialisable records
/// (<see cref="AssistMessage"/>). The in-process implementation serves one server; a Redis pub/sub one
/// (channel = topic, payload = the JSON) serves a farm — pages and services do not change.
/// </summary>
public interface IAssistChannel
{
    Task PublishAsync(string topic, AssistMessage message, CancellationToken cancellationToken = default);

    /// <summary>Delivers every later message on <paramref name="topic"/> to <paramref name="handler"/> until disposed.</summary>
    IDisposable Subscribe(string topic, Func<AssistMessage, Task> handler);
}

/// <summary>Topic names, one place.</summary>
public static class AssistTopics
{
    public static string Agents(string sessionId) => $"assist:{sessionId}:agents";

    public static string User(string sessionId) => $"assist:{sessionId}:user";

    public static string Staff(string userId) => $"staff:{userId}";
}

/// <summary>
/// The single-server channel. Each message is serialised to JSON once and every subscriber gets its own
/// deserialised copy, exactly as over Redis: nothing published can be a reference into another circuit.
/// Each subscription has its own queue and delivers in publish order, off the publisher's thread (a slow or
/// failing agent page cannot hold up the user's circuit).
/// </summary>
public sealed class InProcessAssistChannel(ILogger<InProcessAssistChannel> logger) : IAssistChannel
{
    private readonly ILogger<InProcessAssistChannel> logger = logger;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, Subscription[]> topics = new(StringComparer.Ordinal);

    public Task PublishAsync(string topic, AssistMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        if (!topics.TryGetValue(topic, out var subscribers) || subscribers.Length == 0)
        {
            return Task.CompletedTask;
        }
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        foreach (var subscriber in subscribers)
        {
            subscriber.Post(payload);
        }
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Func<AssistMessage, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, topic, handler);
        topics.AddOrUpdate(topic, _ => [subscription], (_, s) => [.. s, subscription]);
        return subscription;
    }

    /// <summary>How many handlers listen on a topic (tests and diagnostics).</summary>
    public int SubscriberCount(string topic) => topics.TryGetValue(topic, out var s) ? s.Length : 0;

    private void Unsubscribe(string topic, Subscription subscription)
    {
        while (topics.TryGetValue(topic, out var current))
        {
            var remaining = current.Where(s => s != subscription).ToArray();
            if (remaining.Length == 0)
            {
                if (((ICollection<KeyValuePair<string, Subscription[]>>)topics).Remove(new(topic, current))) return;
            }
            else if (topics.TryUpdate(topic, remaining, current))
            {
                return;
            }
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly InProcessAssistChannel owner;
        private readonly string topic;
        private readonly Func<AssistMessage, Task> handler;
        private readonly System.Threading.Channels.Channel<byte[]> queue =
            System.Threading.Channels.Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });
        private int disposed;

        public Subscription(InProcessAssistChannel owner, string topic, Func<AssistMessage, Task> handler)
        {
            this.owner = owner;
            this.topic = topic;
            this.handler = handler;
            _ = Task.Run(PumpAsync);
        }

        public void Post(byte[] payload) => queue.Writer.TryWrite(payload);

        private async Task PumpAsync()
        {
            await foreach (var payload in queue.Reader.ReadAllAsync())
            {
                try
                {
                    await handler(JsonSerializer.Deserialize<AssistMessage>(payload, Json)!);
                }
                catch (Exception ex)
                {
                    owner.logger.LogWarning("Assist subscriber on {Topic} failed: {Error}", topic, ex.GetType().Name);
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            owner.Unsubscribe(topic, this);
            queue.Writer.TryComplete();
        }
    }
}
