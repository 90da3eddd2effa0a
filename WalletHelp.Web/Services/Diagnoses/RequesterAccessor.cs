using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure.Security;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>
/// The one place that reads "who is asking" for a diagnosis from a signed-in user: the user id, whether they are staff
/// (Agent or Admin), their browser id and client address (for the write budget).
/// </summary>
public static class Requesters
{
    public static Requester From(ClaimsPrincipal? user, string? browserId, string? client)
    {
        var signedIn = user?.Identity?.IsAuthenticated == true;
        return new Requester(
            signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            browserId,
            signedIn && (user!.IsInRole(Roles.Agent) || user.IsInRole(Roles.Admin)),
            client);
    }
}

/// <summary>"Who is asking" inside a circuit (pages and components).</summary>
public sealed class RequesterAccessor(AuthenticationStateProvider authentication, CircuitUser circuit)
{
    public async Task<Requester> CurrentAsync() =>
        Requesters.From((await authentication.GetAuthenticationStateAsync()).User, circuit.BrowserId, WriteLimits.ClientKey(circuit));
}
