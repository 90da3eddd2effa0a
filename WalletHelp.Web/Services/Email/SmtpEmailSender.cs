using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure;
using WalletHelp.Web.Resources;

namespace WalletHelp.Web.Services.Email;

/// <summary>
/// Identity's mail (confirmation, password reset) and the lockout notice, sent through SMTP with MailKit in the
/// person's language (their saved preference, else the page's language): plain text and HTML.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
    : IEmailSender<ApplicationUser>, IAccountLockedNotifier
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(user, email, "Email.Confirm", WebUtility.HtmlDecode(confirmationLink));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(user, email, "Email.Reset", WebUtility.HtmlDecode(resetLink));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(user, email, "Email.ResetCode", link: null, code: resetCode);

    public Task AccountLockedAsync(ApplicationUser user) =>
        user.Email is { Length: > 0 } email ? SendAsync(user, email, "Email.Locked", link: null) : Task.CompletedTask;

    private async Task SendAsync(ApplicationUser user, string to, string key, string? link, string? code = null)
    {
        var culture = Languages.Culture(user.PreferredLanguage is { Length: > 0 } preferred ? preferred : Languages.Current);
        string Text(string name) => UiText.Get(name, culture);

        var subject = Text(key + ".Subject");
        var body = string.Format(culture, Text(key + ".Body"), code ?? "");
        var action = link is null ? null : Text(key + ".Action");
        var footer = Text("Email.Footer");

        var builder = new BodyBuilder
        {
            TextBody = link is null ? $"{body}\n\n{footer}\n" : $"{body}\n\n{action}:\n{link}\n\n{footer}\n",
            HtmlBody = $"""
                <!DOCTYPE html><html lang="{culture.Name}"><body style="font-family: sans-serif">
                <p>{WebUtility.HtmlEncode(body)}</p>
                {(link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p>")}
                <p style="color:#666">{WebUtility.HtmlEncode(footer)}</p>
                </body></html>
                """,
        };
        var message = new MimeMessage
        {
            Subject = subject,
            Body = builder.ToMessageBody(),
        };
        var settings = options.Value;
        message.From.Add(MailboxAddress.Parse(settings.SmtpFrom));
        message.To.Add(MailboxAddress.Parse(to));

        try
        {
            using var client = new SmtpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, Tls(settings.SmtpTls), timeout.Token);
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            logger.LogInformation("Sent {Kind} email", key);
        }
        catch (Exception ex)
        {
            // The page answers the same either way (no enumeration); the operator sees why mail did not go out.
            logger.LogError("Sending {Kind} email through {Host}:{Port} failed: {Error}", key, settings.SmtpHost, settings.SmtpPort, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static SecureSocketOptions Tls(string? mode) => (mode ?? "auto").Trim().ToLowerInvariant() switch
    {
        "none" or "off" or "false" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" or "tls" or "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
