using System.Globalization;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Infrastructure;

namespace WalletHelp.Tests.Web;

/// <summary>The forgot-password form exists only when mail can be sent (see AccountEnumerationTests for the no-mail page).</summary>
public sealed class MailConfiguredFactory : WalletHelpFactory
{
    public MailConfiguredFactory() => With("WalletHelp:Email:SmtpHost", "127.0.0.1");
}

public sealed class AccountLocalizationTests : IClassFixture<MailConfiguredFactory>
{
    private readonly WalletHelpFactory factory;

    public AccountLocalizationTests(MailConfiguredFactory factory) => this.factory = factory;

    [Fact]
    public async Task AccountPages_DefaultToChinese_AndSwitchToEnglishWithTheCultureCookie()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = factory.CreateClient();
        var forgot = await anonymous.GetStringAsync("/Account/ForgotPassword", ct);
        var resend = await anonymous.GetStringAsync("/Account/ResendEmailConfirmation", ct);
        Assert.Contains("我们会发送一个重置密码的链接", forgot);
        Assert.Contains("我们会重新发送确认链接", resend);
        Assert.DoesNotContain("Enter your email", forgot);
        Assert.DoesNotContain("Enter your email", resend);

        var client = factory.CreateBrowserLikeClient();
        var switched = await client.GetAsync("/culture?c=en&redirectUri=/", ct);
        Assert.True(switched.IsRedirect(), $"expected a redirect, got {(int)switched.StatusCode}");

        forgot = await client.GetStringAsync("/Account/ForgotPassword", ct);
        resend = await client.GetStringAsync("/Account/ResendEmailConfirmation", ct);
        Assert.Contains("we will send you a link to reset your password", forgot);
        Assert.Contains("we will send the confirmation link again", resend);
        Assert.DoesNotContain("我们会发送", forgot);
        Assert.DoesNotContain("我们会重新发送", resend);
    }

    [Fact]
    public void ErrorDescriber_PasswordTooShort_FollowsTheUiCulture()
    {
        var describer = new LocalizedIdentityErrorDescriber();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var chinese = describer.PasswordTooShort(8);
            Assert.Equal("PasswordTooShort", chinese.Code);
            Assert.Equal("密码长度至少为 8 个字符。", chinese.Description);

            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Passwords must be at least 8 characters.", describer.PasswordTooShort(8).Description);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
