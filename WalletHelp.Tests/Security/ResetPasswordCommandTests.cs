using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Tests.Security;

public sealed partial class ResetPasswordCommandTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:SignInPerMinute", "1000");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InProcess_PrintsNewPasswordOnce_UnlocksAndAudits()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(WalletHelpFactory.AdminEmail, "wrong-password");
        }

        var output = new StringWriter();
        var code = await ResetPasswordCommand.RunAsync(factory.Services, WalletHelpFactory.AdminEmail, output, new StringWriter(), Ct);

        Assert.Equal(0, code);
        var password = NewPassword().Match(output.ToString()).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, string.Join('\n', factory.Logs));
        var signIn = await factory.CreateBrowserLikeClient().SignInAsync(WalletHelpFactory.AdminEmail, password);
        Assert.DoesNotContain("Lockout", signIn.Headers.Location?.OriginalString);
        Assert.DoesNotContain("Login", signIn.Headers.Location?.OriginalString);
        var entry = Assert.Single((await factory.Services.GetRequiredService<IAuditLog>()
            .QueryAsync(new AuditQuery(Action: AuditActions.PasswordResetByCommand), Ct)).Items);
        Assert.Equal(WalletHelpFactory.AdminEmail, entry.Target);
    }

    [Fact]
    public async Task InProcess_UnknownEmail_ChangesNothingAndFails()
    {
        var error = new StringWriter();
        Assert.Equal(1, await ResetPasswordCommand.RunAsync(factory.Services, "nobody@test.local", new StringWriter(), error, Ct));
        Assert.Contains("no account", error.ToString());
    }

    [Fact]
    public async Task AsAProcess_OnTheBuiltDll_ResetsWithoutStartingTheServer()
    {
        _ = factory.Services; // creates, migrates and seeds the database file
        var testBin = Path.GetDirectoryName(typeof(ResetPasswordCommandTests).Assembly.Location)!;
        var webBin = testBin.Replace($"{Path.DirectorySeparatorChar}WalletHelp.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}WalletHelp.Web{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webBin, "WalletHelp.Web.dll"), "reset-password", WalletHelpFactory.AgentEmail])
        {
            WorkingDirectory = webBin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__WalletHelp"] = $"Data Source={factory.DatabasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:1"; // would fail loudly if the server started

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "the command did not exit");
        Assert.True(process.ExitCode == 0, await stderr);

        var text = await stdout;
        var password = NewPassword().Match(text).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9_+=.,:@-]{20}$", password);
        Assert.DoesNotContain("Now listening", text);
        var signIn = await factory.CreateBrowserLikeClient().SignInAsync(WalletHelpFactory.AgentEmail, password);
        Assert.DoesNotContain("Login", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public void GeneratedPasswords_AvoidShellSpecialCharacters()
    {
        for (var i = 0; i < 2000; i++)
        {
            var password = DatabaseSeeder.GeneratePassword();
            Assert.Equal(-1, password.IndexOfAny(['$', '`', '!', '\'', '"', '\\', '*', '?', '%', '^', '&', '#', ';', ' ']));
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
        }
    }

    [GeneratedRegex(@"New password for \S+: (\S+)")]
    private static partial Regex NewPassword();

    public void Dispose() => factory.Dispose();
}
