namespace WalletHelp.Web.Services.Email;

/// <summary>
/// <c>WalletHelp:Email</c>: the SMTP server for confirmation, password-reset and lockout mail
/// (<c>WalletHelp__Email__SmtpHost</c>, …). Without <see cref="SmtpHost"/> no mail is sent and accounts need no
/// email confirmation (said once at start-up).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "WalletHelp:Email";

    public string? SmtpHost { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender, e.g. <c>WalletHelp &lt;no-reply@example.cn&gt;</c>.</summary>
    public string SmtpFrom { get; set; } = "WalletHelp <no-reply@wallethelp.local>";

    /// <summary><c>auto</c> (STARTTLS when offered), <c>starttls</c> (required), <c>ssl</c> (TLS on connect, port 465) or <c>none</c>.</summary>
    public string SmtpTls { get; set; } = "auto";

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}
