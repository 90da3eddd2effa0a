using Microsoft.AspNetCore.Components.Server.Circuits;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Assist;

/// <summary>
/// The user's side of live assist in one circuit (scoped): finds the browser's live session again after a reload
/// or the jump to the result page, shares what the page reports (<see cref="UseSource"/>, masked snapshots only),
/// receives the agents' view and tells the agents whether this circuit is connected.
/// </summary>
public sealed class AssistUserSession(AssistService assist, CircuitUser circuit, AuditActorAccessor actors, ILogger<AssistUserSession> logger)
    : IAsyncDisposable
{
    private readonly string fallbackOwner = "circuit:" + Guid.NewGuid().ToString("N");
    private IDisposable? subscription;
    private Func<AssistSnapshot?>? source;
    private bool counted;
    private bool initialised;

    public string? SessionId { get; private set; }

    public AssistUserView? View { get; private set; }

    public bool IsActive => SessionId is not null && View is { Ended: false };

    /// <summary>Raised (on a background thread) when the view changed; components marshal with InvokeAsync.</summary>
    public event Func<Task>? Changed;

    private string Owner => circuit.BrowserId is { Length: > 0 } id ? OwnerOf(id) : fallbackOwner;

    /// <summary>Whose session it is, for a browser id: what <see cref="IAssistSessions.ActiveFor"/> looks up.</summary>
    public static string OwnerOf(string browserId) => "browser:" + browserId;

    /// <summary>The page's current state as a masked snapshot; shared at once when a session is (re)attached.</summary>
    public async Task UseSource(Func<AssistSnapshot?>? snapshot)
    {
        source = snapshot;
        if (IsActive) await ShareCurrentAsync();
    }

    /// <summary>Once per circuit, when interactive: picks up the browser's live session, if any.</summary>
    public async Task InitializeAsync()
    {
        if (initialised) return;
        initialised = true;
        if (assist.Sessions.ActiveFor(Owner) is { } id) await AttachAsync(id);
    }

    /// <exception cref="AssistRateLimitedException">Too many codes for this browser.</exception>
    public async Task StartAsync()
    {
        await DetachAsync();
        var start = await assist.StartAsync(Owner, await actors.CurrentAsync());
        await AttachAsync(start.SessionId);
    }

    public async Task EndAsync()
    {
        if (SessionId is not { } id) return;
        await assist.EndAsync(id, await actors.CurrentAsync());
        View = assist.Sessions.UserView(id);
        await DetachAsync();
    }

    /// <summary>The page changed (after the rules ran): share it if a session is live.</summary>
    public Task ShareAsync(AssistSnapshot snapshot) =>
        IsActive ? assist.ShareAsync(SessionId!, snapshot) : Task.CompletedTask;

    /// <summary>The circuit's connection dropped (false) or came back (true).</summary>
    public async Task ConnectionChangedAsync(bool up)
    {
        if (SessionId is not { } id) return;
        if (up && !counted)
        {
            counted = true;
            await assist.PresenceAsync(id, connected: true);
        }
        else if (!up && counted)
        {
            counted = false;
            await assist.PresenceAsync(id, connected: false);
        }
    }

    private async Task AttachAsync(string id)
    {
        SessionId = id;
        subscription = assist.SubscribeUser(id, OnViewAsync);
        View = assist.Sessions.UserView(id);
        counted = true;
        await assist.PresenceAsync(id, connected: true);
        await ShareCurrentAsync();
        await NotifyAsync();
    }

    private async Task ShareCurrentAsync()
    {
        try
        {
            if (source?.Invoke() is { } snapshot) await assist.ShareAsync(SessionId!, snapshot);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            logger.LogDebug("Assist snapshot not shared: {Error}", ex.GetType().Name);
        }
    }

    private async Task OnViewAsync(AssistUserView view)
    {
        if (view.SessionId != SessionId || (View is not null && view.Version < View.Version)) return;
        View = view;
        await NotifyAsync();
        if (view.Ended) await DetachAsync(keepView: true);
    }

    private async Task NotifyAsync()
    {
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                try
                {
                    await handler();
                }
                catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
                {
                    // A component that went away.
                }
            }
        }
    }

    private async Task DetachAsync(bool keepView = false)
    {
        subscription?.Dispose();
        subscription = null;
        if (SessionId is { } id && counted)
        {
            counted = false;
            await assist.PresenceAsync(id, connected: false);
        }
        SessionId = null;
        if (!keepView) View = null;
    }

    public async ValueTask DisposeAsync() => await DetachAsync();
}

/// <summary>Tells <see cref="AssistUserSession"/> when the circuit's connection drops or comes back.</summary>
public sealed class AssistCircuitHandler(AssistUserSession session) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => session.ConnectionChangedAsync(up: false);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => session.ConnectionChangedAsync(up: true);
}
