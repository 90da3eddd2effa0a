namespace WalletHelp.Web.Data;

public static class Roles
{
    public const string Agent = "Agent";
    public const string Admin = "Admin";
    public const string AgentOrAdmin = Agent + "," + Admin;

    public static IReadOnlyList<string> All { get; } = [Agent, Admin];
}
