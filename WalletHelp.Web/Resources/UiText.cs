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

    public static string ValidationRequired => Get("Validation.Required");
    public static string ValidationEmail => Get("Validation.Email");
    public static string ValidationPasswordLength => Get("Validation.PasswordLength");
    public static string RegisterPasswordMismatch => Get("Register.PasswordMismatch");
    public static string LoginEmail => Get("Login.Email");
    public static string LoginPassword => Get("Login.Password");
    public static string RegisterConfirmPassword => Get("Register.ConfirmPassword");
}
