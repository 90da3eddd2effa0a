namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>
/// The wallet app's own wording, quoted on the triage as it appears (Chinese, whatever the page language): data, not
/// UI text, so it lives here rather than in the resx files.
/// </summary>
public static class AppMessages
{
    public const string Maintenance = "系统维护";
    public const string TryLater = "请稍后再试";
    public const string Risk = "风控";
}
