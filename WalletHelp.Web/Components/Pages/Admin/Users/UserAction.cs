using WalletHelp.Web.Services.Users;

namespace WalletHelp.Web.Components.Pages.Admin.Users;

public enum UserActionKind
{
    Grant,
    Revoke,
    Lock,
    Unlock,
    ResetTwoFactor,
}

/// <summary>What an admin asked to do to an account (from a <see cref="UserCard"/>).</summary>
public sealed record UserAction(UserActionKind Kind, UserSummary User, string? Role = null)
{
    /// <summary>Everything but unlocking asks first: it takes something away or hands out staff rights.</summary>
    public bool NeedsConfirmation => Kind != UserActionKind.Unlock;
}
