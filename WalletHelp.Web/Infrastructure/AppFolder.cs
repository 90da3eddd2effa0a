namespace WalletHelp.Web.Infrastructure;

/// <summary>
/// The content root (wwwroot, appsettings.json, the relative database path) is the working folder by default.
/// Started as <c>dotnet /srv/wallethelp/WalletHelp.Web.dll</c> from any other folder, the published app used to serve
/// every static file as an empty 200 and silently skip appsettings.json. Outside Development, unless a content root
/// is given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>), the app's own folder is used instead
/// whenever the working folder is not a WalletHelp folder. Development (<c>dotnet run</c>, tests) is unchanged.
/// </summary>
public static class AppFolder
{
    public static void UseAppFolderOutsideDevelopment(string[] args)
    {
        if (FolderToUse(Directory.GetCurrentDirectory(), AppContext.BaseDirectory, args, Environment.GetEnvironmentVariable) is { } folder)
        {
            Directory.SetCurrentDirectory(folder);
        }
    }

    /// <summary>The folder to run from instead of <paramref name="workingFolder"/>, or null to stay.</summary>
    public static string? FolderToUse(string workingFolder, string appFolder, string[] args, Func<string, string?> environment) =>
        IsDevelopment(args, environment) || HasExplicitContentRoot(args, environment)
        || IsWalletHelpFolder(workingFolder) || !IsWalletHelpFolder(appFolder)
            ? null
            : appFolder;

    /// <summary>A folder the app can run from: its settings file next to a wwwroot folder.</summary>
    public static bool IsWalletHelpFolder(string folder) =>
        File.Exists(Path.Combine(folder, "appsettings.json")) && Directory.Exists(Path.Combine(folder, "wwwroot"));

    private static bool IsDevelopment(string[] args, Func<string, string?> variables)
    {
        var environment = Argument(args, "environment")
            ?? variables("ASPNETCORE_ENVIRONMENT")
            ?? variables("DOTNET_ENVIRONMENT");
        return string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasExplicitContentRoot(string[] args, Func<string, string?> variables) =>
        Argument(args, "contentRoot") is not null
        || !string.IsNullOrEmpty(variables("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(variables("DOTNET_CONTENTROOT"));

    private static string? Argument(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i].TrimStart('-', '/');
            if (arg.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)) return arg[(name.Length + 1)..];
            if (string.Equals(arg, name, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length) return args[i + 1];
        }
        return null;
    }
}
