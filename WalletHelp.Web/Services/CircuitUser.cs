using Microsoft.AspNetCore.DataProtection;

namespace WalletHelp.Web.Services;

/// <summary>
/// Who is behind this circuit. A circuit has no HttpContext, so the browser id cookie is read once at the first
/// (prerender) request by App.razor, handed to the interactive root as an encrypted token (the cookie is HttpOnly:
/// the page must not reveal it in clear), and unwrapped here for the circuit's lifetime.
/// </summary>
public sealed class CircuitUser
{
    private const string Purpose = "WalletHelp.CircuitUser.BrowserId.v1";

    public string? BrowserId { get; private set; }

    /// <summary>The client address of the first request (for the audit log); null outside a circuit.</summary>
    public string? ClientAddress { get; private set; }

    public static string? Protect(IDataProtectionProvider provider, string? browserId) =>
        string.IsNullOrEmpty(browserId) ? null : provider.CreateProtector(Purpose).Protect(browserId);

    /// <summary>The client address as seen by the first request, for <see cref="AcceptClientAddress"/>.</summary>
    public static string? ProtectClientAddress(IDataProtectionProvider provider, HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
            ? provider.CreateProtector(Purpose + ".ClientAddress").Protect(address.ToString())
            : null;

    public void AcceptClientAddress(IDataProtectionProvider provider, string? token)
    {
        if (ClientAddress is not null || string.IsNullOrEmpty(token)) return;
        try
        {
            ClientAddress = provider.CreateProtector(Purpose + ".ClientAddress").Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            ClientAddress = null;
        }
    }

    /// <summary>
    /// Both tokens of the current request, for an interactive island on a static page (its circuit starts from the
    /// island's parameters, not from <c>Routes</c>): pass them as a parameter and <see cref="Accept(IDataProtectionProvider, CircuitTokens?)"/> them.
    /// </summary>
    public static CircuitTokens Tokens(IDataProtectionProvider provider, HttpContext http) =>
        new(Protect(provider, Api.BrowserId.Get(http)), ProtectClientAddress(provider, http));

    /// <summary>Accepts an island's <see cref="CircuitTokens"/> (no-op when null or already known).</summary>
    public void Accept(IDataProtectionProvider provider, CircuitTokens? tokens)
    {
        if (tokens is null) return;
        Accept(provider, tokens.Browser);
        AcceptClientAddress(provider, tokens.Client);
    }

    /// <summary>Accepts the token from <see cref="Protect"/>; a forged or stale token leaves the browser unknown.</summary>
    public void Accept(IDataProtectionProvider provider, string? token)
    {
        if (BrowserId is not null || string.IsNullOrEmpty(token)) return;
        try
        {
            BrowserId = provider.CreateProtector(Purpose).Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            BrowserId = null;
        }
    }
}

/// <summary>The encrypted browser id and client address handed to an interactive island (see <see cref="CircuitUser"/>).</summary>
public sealed record CircuitTokens(string? Browser, string? Client);
