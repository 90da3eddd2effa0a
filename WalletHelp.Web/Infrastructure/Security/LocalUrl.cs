namespace WalletHelp.Web.Infrastructure.Security;

/// <summary>
/// The one check for "where may we redirect after this": a path on this site, never another host
/// (<c>//evil</c>, <c>/\evil</c>) and never a control character (a tab or CR/LF would make
/// <c>LocalRedirect</c> throw, or split a header). Anything else becomes <c>/</c>.
/// </summary>
public static class LocalUrl
{
    public static bool IsSafe(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrRoot(string? url) => IsSafe(url) ? url! : "/";
}
