namespace WalletHelp.Web.Data;

/// <summary>Accounts created on first start (configuration section <c>WalletHelp:Seed</c>).</summary>
public sealed class SeedOptions
{
    public const string Section = "WalletHelp:Seed";

    public string AdminEmail { get; set; } = "admin@wallethelp.local";
    public string? AdminPassword { get; set; }
    public string AgentEmail { get; set; } = "agent@wallethelp.local";
    public string? AgentPassword { get; set; }
}
