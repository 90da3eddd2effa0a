using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Users;

namespace WalletHelp.Tests.Admin;

/// <summary>The real app records a successful sign-in's time (form and bearer API), not a failed one.</summary>
public sealed class LastSignInTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<UserSummary> FindAsync(string email) =>
        Assert.Single((await factory.Services.GetRequiredService<UserAdminService>().SearchAsync(email, Ct)).Items);

    [Fact]
    public async Task SuccessfulSignIn_RecordsLastSignIn_FailedDoesNot()
    {
        await factory.CreateBrowserLikeClient().SignInAsync(WalletHelpFactory.AgentEmail, "wrong-password");
        Assert.Null((await FindAsync(WalletHelpFactory.AgentEmail)).LastSignInAt);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await factory.CreateBrowserLikeClient().SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        var first = (await FindAsync(WalletHelpFactory.AgentEmail)).LastSignInAt;
        Assert.NotNull(first);
        Assert.InRange(first.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));

        await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.True((await FindAsync(WalletHelpFactory.AgentEmail)).LastSignInAt >= first);
    }

    public void Dispose() => factory.Dispose();
}
