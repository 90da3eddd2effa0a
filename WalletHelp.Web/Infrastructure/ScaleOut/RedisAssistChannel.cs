using System.Text.Json;
using StackExchange.Redis;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Web.Infrastructure.ScaleOut;

/// <summary>
/// <see cref="IAssistChannel"/> over Redis pub/sub: channel = topic, payload = the message's JSON (the same
/// serialisation as <see cref="InProcessAssistChannel"/>). A user's circuit on one instance and an agent's on another
/// see each other. Messages of one subscription are delivered in order (StackExchange.Redis's ordered queue per
/// subscription), off the publisher's thread.
/// </summary>
public sealed class RedisAssistChannel(IConnectionMultiplexer redis, ILogger<RedisAssistChannel> logger) : IAssistChannel
{
    private const string Prefix = "wallethelp:assist:";

    public async Task PublishAsync(string topic, AssistMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, InProcessAssistChannel.Json);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefix + topic), payload);
    }

    public IDisposable Subscribe(string topic, Func<AssistMessage, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var queue = redis.GetSubscriber().Subscribe(RedisChannel.Literal(Prefix + topic));
        queue.OnMessage(async m =>
        {
            try
            {
                await handler(JsonSerializer.Deserialize<AssistMessage>((byte[])m.Message!, InProcessAssistChannel.Json)!);
            }
            catch (Exception ex)
            {
                logger.LogWarning("Assist subscriber on {Topic} failed: {Error}", topic, ex.GetType().Name);
            }
        });
        return new Subscription(queue);
    }

    private sealed class Subscription(ChannelMessageQueue queue) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) queue.Unsubscribe();
        }
    }
}
