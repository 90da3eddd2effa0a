using System.Globalization;
using Microsoft.AspNetCore.Identity;
using WalletHelp.Web.Resources;

namespace WalletHelp.Web.Infrastructure;

/// <summary>
/// Identity's own error messages (duplicate email, weak password, bad token…) in the request's UI culture,
/// from the shared resx under <c>Account.IdentityError.*</c>. Error codes stay those of the base class.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError Describe(string code, params object?[] args)
    {
        var text = UiText.Get("Account.IdentityError." + code);
        return new IdentityError
        {
            Code = code,
            Description = args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args),
        };
    }

    public override IdentityError DefaultError() => Describe(nameof(DefaultError));

    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), email);

    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), userName);

    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), email);

    public override IdentityError InvalidUserName(string? userName) => Describe(nameof(InvalidUserName), userName);

    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken));

    public override IdentityError LoginAlreadyAssociated() => Describe(nameof(LoginAlreadyAssociated));

    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch));

    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Describe(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordTooShort(int length) => Describe(nameof(PasswordTooShort), length);

    public override IdentityError RecoveryCodeRedemptionFailed() => Describe(nameof(RecoveryCodeRedemptionFailed));

    public override IdentityError UserAlreadyHasPassword() => Describe(nameof(UserAlreadyHasPassword));

    public override IdentityError UserLockoutNotEnabled() => Describe(nameof(UserLockoutNotEnabled));
}
