using System.Diagnostics;

namespace WalletHelp.Web.Infrastructure.Startup;

/// <summary>
/// Whether the database has been migrated and seeded (and the reference data loaded) since this process started.
/// The port opens before that (see <see cref="StartupGate"/>): requests wait on <see cref="WaitAsync"/>, and
/// <c>/healthz/ready</c> reports "starting" until <see cref="IsReady"/>.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>True when the start failed (the process is stopping).</summary>
    public bool HasFailed => ready.Task.IsFaulted || ready.Task.IsCanceled;

    /// <summary>Completes when the database is ready; faults when the start failed.</summary>
    public Task Ready => ready.Task;

    /// <summary>Milliseconds from this object's creation (the host's build) to readiness, for the start-up log.</summary>
    public long ElapsedMilliseconds => sinceStart.ElapsedMilliseconds;

    public void MarkReady() => ready.TrySetResult();

    public void MarkFailed(Exception exception) => ready.TrySetException(exception);

    /// <summary>True once ready; false when <paramref name="timeout"/> passed first or the start failed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsReady) return true;
        try
        {
            await ready.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception) when (HasFailed)
        {
            return false;
        }
    }
}

/// <summary>Runs once the database is migrated and seeded, before the first request is let through (e.g. loading reference data).</summary>
public interface IDatabaseReadyStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
