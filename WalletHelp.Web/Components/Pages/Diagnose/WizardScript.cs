using Microsoft.JSInterop;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>The wizard's small JS module (focus, connectivity check), imported once per circuit.</summary>
public sealed class WizardScript(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>Above this average round trip the connection counts as slow (AP-NETWORK).</summary>
    public const int SlowMilliseconds = 1500;

    private IJSObjectReference? module;

    public async Task FocusAsync(string elementId)
    {
        try
        {
            if (await ModuleAsync() is { } m) await m.InvokeVoidAsync("focusById", elementId);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>
    /// Names the wizard's step in the address: a new history entry (or the current one replaced) made in the browser.
    /// The wizard is an island on a static page, where a Blazor navigation would fetch and re-render the whole page.
    /// </summary>
    public async Task SetAddressAsync(string uri, int step, bool replace)
    {
        try
        {
            if (await ModuleAsync() is { } m) await m.InvokeVoidAsync("setAddress", uri, step, replace);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
        }
    }

    /// <summary>Back and Forward between this wizard's entries call <c>StepFromHistory(step)</c> on <paramref name="wizard"/>.</summary>
    public async Task WatchHistoryAsync<T>(DotNetObjectReference<T> wizard) where T : class
    {
        try
        {
            if (await ModuleAsync() is { } m) await m.InvokeVoidAsync("watchHistory", wizard);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
        }
    }

    public async Task UnwatchHistoryAsync()
    {
        try
        {
            if (module is { } m) await m.InvokeVoidAsync("unwatchHistory");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Scrolls an element into the middle of the view without moving the focus.</summary>
    public async Task ScrollToAsync(string elementId)
    {
        try
        {
            if (await ModuleAsync() is { } m) await m.InvokeVoidAsync("scrollToId", elementId);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
        }
    }

    /// <summary>Three round trips to <c>/healthz</c> plus <c>navigator.onLine</c>; null when the check could not run.</summary>
    public async Task<NetworkProbe?> CheckNetworkAsync()
    {
        try
        {
            if (await ModuleAsync() is not { } m) return null;
            var result = await m.InvokeAsync<NetworkProbe?>("checkNetwork", "/healthz", 3);
            return result;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task<IJSObjectReference?> ModuleAsync() =>
        module ??= await js.InvokeAsync<IJSObjectReference?>("import", "./js/wizard.js");

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}

/// <summary>What the browser measured.</summary>
public sealed record NetworkProbe(bool Online, bool Failed, int[] Times)
{
    public int? AverageMilliseconds => Times is { Length: > 0 } ? (int)Times.Average() : null;

    public NetworkCheck Verdict => !Online || Failed ? NetworkCheck.Failed
        : AverageMilliseconds > WizardScript.SlowMilliseconds ? NetworkCheck.Slow : NetworkCheck.Ok;
}
