using System.Globalization;
using System.Resources;

namespace WalletHelp.Web.Resources;

/// <summary>
/// Static access to the same resx strings for places that cannot inject a localizer, such as
/// DataAnnotations' <c>ErrorMessageResourceType</c> on the static Identity forms. Follows CurrentUICulture.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Manager =
        new("WalletHelp.Web.Resources.SharedResource", typeof(UiText).Assembly);

    public static string Get(string key) => Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The string in a given language (e.g. an email in the recipient's language).</summary>
    public static string Get(string key, CultureInfo culture) => Manager.GetString(key, culture) ?? key;

    public static string ValidationRequired => Get("Validation.Required");
    public static string ValidationEmail => Get("Validation.Email");
    public static string ValidationPasswordLength => Get("Validation.PasswordLength");
    public static string RegisterPasswordMismatch => Get("Register.PasswordMismatch");
    public static string LoginEmail => Get("Login.Email");
    public static string LoginPassword => Get("Login.Password");
    public static string RegisterConfirmPassword => Get("Register.ConfirmPassword");
    public static string ValidationLength => Get("Account.Validation.Length");
    public static string ValidationPhone => Get("Account.Validation.Phone");
    public static string ValidationPasskeyNameLength => Get("Account.Validation.PasskeyNameLength");
    public static string ValidationNewPasswordMismatch => Get("Account.Validation.NewPasswordMismatch");
    public static string AccountAuthenticatorCode => Get("Account.LoginWith2fa.Code");
    public static string AccountRememberMachine => Get("Account.LoginWith2fa.RememberMachine");
    public static string AccountRecoveryCode => Get("Account.RecoveryCode");
    public static string AccountCurrentPassword => Get("Account.ChangePassword.Old");
    public static string AccountNewPassword => Get("Account.ChangePassword.New");
    public static string AccountConfirmNewPassword => Get("Account.ChangePassword.Confirm");
    public static string AccountNewEmail => Get("Account.Email.New");
    public static string AccountVerificationCode => Get("Account.EnableAuthenticator.Code");
    public static string AccountPhoneNumber => Get("Account.Profile.Phone");
    public static string AccountPasskeyName => Get("Account.RenamePasskey.Name");
}
