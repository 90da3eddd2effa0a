using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WalletHelp.Web.Components.Account;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure;

namespace WalletHelp.Web.Services.Email;

public static class EmailExtensions
{
    /// <summary>
    /// SMTP mail when <c>WalletHelp:Email:SmtpHost</c> is set. Without it: no mail, and accounts need no email
    /// confirmation (a confirmation that can never arrive would be a dead end); the start-up log says so once.
    /// </summary>
    public static WebApplicationBuilder AddWalletHelpEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<IEmailSender<ApplicationUser>>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled
                ? sp.GetRequiredService<SmtpEmailSender>()
                : new IdentityNoOpEmailSender());
        builder.Services.AddSingleton<IAccountLockedNotifier>(sp => new LockedNotifier(sp));
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<EmailOptions>>((identity, email) =>
            identity.SignIn.RequireConfirmedAccount = email.Value.Enabled);
        return builder;
    }

    /// <summary>One line at start-up saying how account email works here.</summary>
    public static void LogEmailMode(this WebApplication app)
    {
        var email = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WalletHelp.Email");
        if (email.Enabled)
        {
            logger.LogInformation("Email: sending through SMTP {Host}:{Port} (TLS {Tls}); new accounts must confirm their email address.",
                email.SmtpHost, email.SmtpPort, email.SmtpTls);
        }
        else
        {
            logger.LogWarning("Email: no SMTP server configured (WalletHelp__Email__SmtpHost), so no mail is sent: new accounts can sign in without confirming their email, self-service password reset and lockout notices are unavailable; recover an account with 'WalletHelp.Web reset-password <email>'.");
        }
    }

    /// <summary>Forwards lockout notices to the SMTP sender only when mail is configured.</summary>
    private sealed class LockedNotifier(IServiceProvider services) : IAccountLockedNotifier
    {
        public Task AccountLockedAsync(ApplicationUser user) =>
            services.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled
                ? services.GetRequiredService<SmtpEmailSender>().AccountLockedAsync(user)
                : Task.CompletedTask;
    }
}
