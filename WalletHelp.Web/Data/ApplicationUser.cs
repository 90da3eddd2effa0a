using Microsoft.AspNetCore.Identity;

namespace WalletHelp.Web.Data;

public class ApplicationUser : IdentityUser
{
    /// <summary>The UI language the person last chose (zh-CN or en); null until they choose.</summary>
    [PersonalData]
    public string? PreferredLanguage { get; set; }

    /// <summary>When the account last signed in successfully (password, second factor or recovery code); null if never since this was recorded.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}

public sealed class ApplicationUserConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ApplicationUser> builder) =>
        builder.Property(u => u.LastSignInAt).HasConversion(new DateTimeOffsetToUtcTicksConverter());
}
