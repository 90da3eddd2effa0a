using Microsoft.AspNetCore.Identity;

namespace WalletHelp.Web.Data;

public class ApplicationUser : IdentityUser
{
    /// <summary>The UI language the person last chose (zh-CN or en); null until they choose.</summary>
    [PersonalData]
    public string? PreferredLanguage { get; set; }
}
