using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Web;

public sealed class SkeletonTests : IClassFixture<WalletHelpFactory>
{
    private readonly WalletHelpFactory factory;

    public SkeletonTests(WalletHelpFactory factory) => this.factory = factory;

    [Fact]
    public async Task Startup_FreshDatabase_IsMigratedAndSeeded()
    {
        _ = factory.CreateClient();
        Assert.True(File.Exists(factory.DatabasePath));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(WalletHelpFactory.AdminEmail);
        var agent = await users.FindByEmailAsync(WalletHelpFactory.AgentEmail);
        Assert.NotNull(admin);
        Assert.NotNull(agent);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.IsInRoleAsync(agent, Roles.Agent));
        Assert.False(await users.IsInRoleAsync(agent, Roles.Admin));

        using var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seeder_RunTwice_IsIdempotent()
    {
        _ = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.Equal(2, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seeder_ADatabaseOneMigrationBehind_IsBroughtUpToDate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var behind = new WalletHelpFactory();
        _ = behind.CreateClient();
        using var scope = behind.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(all[^2], cancellationToken: ct);
        Assert.Equal([all[^1]], await db.Database.GetPendingMigrationsAsync(ct));

        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Contains(behind.Logs, l => l.Contains("(1 applied)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Healthz_WithDatabase_Is200Healthy()
    {
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HomePage_Default_IsChinese()
    {
        var html = await factory.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("诊断我的问题", html);
        Assert.DoesNotContain("Diagnose my problem", html);
    }

    [Fact]
    public async Task HomePage_AfterSwitchToEnglish_IsEnglish()
    {
        var client = factory.CreateBrowserLikeClient();
        var switched = await client.GetAsync("/culture?c=en&redirectUri=%2F", TestContext.Current.CancellationToken);
        Assert.True(switched.IsRedirect());
        Assert.Equal("/", switched.Headers.Location?.OriginalString);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("Diagnose my problem", html);
        Assert.DoesNotContain("诊断我的问题", html);
    }

    [Fact]
    public async Task CultureSwitch_ExternalRedirect_StaysOnSite()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync("/culture?c=en&redirectUri=%2F%2Fevil.example", TestContext.Current.CancellationToken);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Navigation_Anonymous_HidesAgentAndAdmin()
    {
        var html = await factory.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"nav-diagnose\"", html);
        Assert.Contains("data-testid=\"nav-faq\"", html);
        Assert.DoesNotContain("data-testid=\"nav-agent\"", html);
        Assert.DoesNotContain("data-testid=\"nav-admin\"", html);
        Assert.DoesNotContain("/admin/faq", html);
    }

    [Fact]
    public async Task SignIn_SeededAdmin_SucceedsAndSeesAdminNavigation()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        Assert.True(response.IsRedirect(), $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"nav-admin\"", html);
        Assert.Contains("data-testid=\"nav-agent\"", html);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsLocalizedErrorAndNoCookie()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(WalletHelpFactory.AgentEmail, "wrong-password");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.False(response.IsRedirect());
        Assert.Contains("登录失败", html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnknownPage_IsFriendly404()
    {
        var response = await factory.CreateClient().GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
