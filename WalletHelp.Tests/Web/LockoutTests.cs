using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Web;

/// <summary>Own factory: locking an account out must not disturb other tests.</summary>
public sealed class LockoutTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutEvenTheRightPassword()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(WalletHelpFactory.AgentEmail, "wrong-password");
        }

        var response = await client.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.True(response.IsRedirect());
        Assert.Contains("/Account/Lockout", response.Headers.Location?.OriginalString);
    }

    public void Dispose() => factory.Dispose();
}
