using System.Threading.Channels;

namespace WalletHelp.Web.Infrastructure;

/// <summary>
/// Takes records that must never fail or slow a request (step views, search log) off the request path: <see cref="TryAdd"/>
/// only puts the item into a bounded in-memory queue — dropping and counting it when the queue is full — and never
/// throws; a <see cref="BatchWriter{T}"/> writes the queue in batches.
/// </summary>
public class BatchQueue<T>
{
    private readonly Channel<T> channel;
    private long dropped;
    private long accepted;
    private long written;

    public BatchQueue(int capacity)
    {
        channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ =>
            {
                Interlocked.Increment(ref dropped);
                Interlocked.Decrement(ref accepted);
            });
    }

    public ChannelReader<T> Reader => channel.Reader;

    /// <summary>Items dropped because the queue was full (or closed).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Items the writer has taken out and handled (written, or logged as lost on a database failure).</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Queues the item; false (and counted in <see cref="Dropped"/>) when the queue is full or closed.</summary>
    public bool TryAdd(T item)
    {
        Interlocked.Increment(ref accepted);
        if (!channel.Writer.TryWrite(item))
        {
            // Closed: TryWrite is false without the drop callback.
            Interlocked.Decrement(ref accepted);
            Interlocked.Increment(ref dropped);
            return false;
        }
        // DropWrite on a full queue returns true but calls the callback, which took the item back out of "accepted".
        return true;
    }

    internal void MarkWritten(int count) => Interlocked.Add(ref written, count);

    /// <summary>
    /// Waits until everything queued before the call has been handled by the writer (for tests and orderly checks;
    /// requests never wait on it). False when <paramref name="timeout"/> passed first.
    /// </summary>
    public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref accepted);
        var until = DateTime.UtcNow + timeout;
        while (Written < target)
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(5, cancellationToken);
        }
        return true;
    }
}

/// <summary>
/// Writes a <see cref="BatchQueue{T}"/>: waits for items, takes up to <see cref="BatchSize"/> at a time and hands them to
/// <see cref="WriteAsync"/> (one transaction per batch). On shutdown it writes what is still queued.
/// </summary>
public abstract class BatchWriter<T>(BatchQueue<T> queue) : BackgroundService
{
    protected virtual int BatchSize => 500;

    /// <summary>
    /// How long to let items gather after the first one arrives, before a batch is taken (unless a whole batch is
    /// already waiting): fewer, fuller transactions when items trickle in fast. Zero takes what is there at once.
    /// </summary>
    protected virtual TimeSpan Linger => TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<T>(BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (Linger > TimeSpan.Zero && queue.Reader.Count < BatchSize) await Task.Delay(Linger, stoppingToken);
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var item)) batch.Add(item);
                await WriteAndMarkAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is queued.
            while (queue.Reader.TryRead(out var item)) batch.Add(item);
            await WriteAndMarkAsync(batch);
        }
    }

    /// <summary>Batches handed to <see cref="WriteAsync"/> so far (for tests and figures).</summary>
    public long Batches => Interlocked.Read(ref batches);

    private long batches;

    private async Task WriteAndMarkAsync(List<T> batch)
    {
        if (batch.Count > 0) Interlocked.Increment(ref batches);
        try
        {
            await WriteAsync(batch, CancellationToken.None);
        }
        finally
        {
            queue.MarkWritten(batch.Count);
            batch.Clear();
        }
    }

    /// <summary>Writes one batch. Implementations log failures and drop the batch: a log must never take the app down.</summary>
    public abstract Task WriteAsync(IReadOnlyCollection<T> batch, CancellationToken cancellationToken);
}
