using Microsoft.AspNetCore.DataProtection;

namespace WalletHelp.Web.Services;

/// <summary>
/// Who is behind this circuit. A circuit has no HttpContext, so the browser id cookie is read once at the first
/// (prerender) request by App.razor, handed to the interactive root as an encrypted token (the cookie is HttpOnly:
/// the page must not reveal it in clear), and unwrapped here for the circuit's lifetime.
/// </summary>
public sealed class CircuitUser
{
    private const string Purpose = "WalletHelp.CircuitUser.BrowserId.v2";

    public string? BrowserId { get; private set; }

    /// <summary>
    /// The client address of the first request, so writes from this circuit (wizard, votes, feedback, search log)
    /// spend the same per-address budget as the API (<see cref="Infrastructure.Security.WriteLimits"/>).
    /// "unknown" when the token was missing or forged: every such circuit shares one budget.
    /// </summary>
    public string ClientAddress { get; private set; } = "unknown";

    public static string? Protect(IDataProtectionProvider provider, string? browserId, string? clientAddress = null) =>
        string.IsNullOrEmpty(browserId) && string.IsNullOrEmpty(clientAddress)
            ? null
            : provider.CreateProtector(Purpose).Protect((browserId ?? "") + "\n" + (clientAddress ?? ""));

    /// <summary>Accepts the token from <see cref="Protect"/>; a forged or stale token leaves the browser unknown.</summary>
    public void Accept(IDataProtectionProvider provider, string? token)
    {
        if (BrowserId is not null || string.IsNullOrEmpty(token)) return;
        try
        {
            var parts = provider.CreateProtector(Purpose).Unprotect(token).Split('\n', 2);
            BrowserId = parts[0].Length == 0 ? null : parts[0];
            if (parts.Length == 2 && parts[1].Length > 0) ClientAddress = parts[1];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            BrowserId = null;
        }
    }
}
