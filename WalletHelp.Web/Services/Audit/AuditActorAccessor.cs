using Microsoft.AspNetCore.Components.Authorization;

namespace WalletHelp.Web.Services.Audit;

/// <summary>
/// The current actor for components (interactive or static): the signed-in user from the authentication state
/// and the client address captured at the circuit's first request (<see cref="CircuitUser"/>), or the request's
/// own address on static pages. API endpoints use <see cref="AuditActor.From(HttpContext)"/> instead.
/// </summary>
public sealed class AuditActorAccessor(AuthenticationStateProvider authentication, CircuitUser circuit, IHttpContextAccessor http)
{
    public async Task<AuditActor> CurrentAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var address = circuit.ClientAddress ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return AuditActor.From(state.User, address);
    }
}
