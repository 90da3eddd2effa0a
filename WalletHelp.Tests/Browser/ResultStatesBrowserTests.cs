using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Every result outcome at 360 px in both languages: what decides comes first, steps open, no rule codes, no run-together text.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ResultStatesBrowserTests(BrowserFixture browser)
{
    private static string Request(string rejection, string? cardNumber = "6228 4804 0256 4890 018", int attempts = 1, string? bankName = "中国农业银行")
    {
        var lastAttempt = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var card = cardNumber is null ? "" : $"\"cardNumber\": \"{cardNumber}\",";
        return $$"""
            { "symptom": "application-rejected", "language": "zh-CN", "walletClass": 2,
              "personal": { "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000",
                            "birthDate": "1949-12-31", "gender": "female", "idExpiry": "long-term",
                            "phoneIsOwnRealName": true, "recentlyChangedIdentity": false },
              "bank": { {{card}} "bankName": "{{bankName}}", "cardType": "debit",
                        "holderName": "张三", "reservedPhone": "13800138000", "branch": "中国农业银行北京朝阳支行",
                        "cardStatus": "normal", "accountClass": 1 },
              "application": { "attemptsLast24h": {{attempts}}, "lastAttemptAt": "{{lastAttempt}}",
                               "rejectionMessage": "{{rejection}}", "networkCheck": "ok",
                               "identityStatus": "verified", "accountFrozen": false } }
            """;
    }

    public static TheoryData<string, string, string> States => new()
    {
        { "ready", "zh-CN", Request("身份信息校验未通过") },
        { "ready", "en", Request("身份信息校验未通过") },
        { "fix-and-retry", "zh-CN", Request("身份信息校验未通过", bankName: "中国工商银行") },
        { "fix-and-retry", "en", Request("身份信息校验未通过", bankName: "中国工商银行") },
        { "wait", "zh-CN", Request("请稍后再试", attempts: 5) },
        { "wait", "en", Request("请稍后再试", attempts: 5) },
        { "contact-support", "zh-CN", Request("因风控原因，暂无法为您开立钱包", cardNumber: null) },
        { "contact-support", "en", Request("因风控原因，暂无法为您开立钱包", cardNumber: null) },
    };

    [GeneratedRegex(@"\b(PI|BK|AP|TX|SY)-[A-Z]+(-[A-Z]+)*\b")]
    private static partial Regex RuleCode();

    [Theory]
    [MemberData(nameof(States))]
    public async Task Result_EachOutcomeAt360_LeadsWithWhatDecidesAndReadsCleanly(string outcome, string language, string json)
    {
        var page = await browser.NewPageAsync(width: 360, height: 780);
        await page.GotoInteractiveAsync("/");
        var reference = await ResultBrowserTests.PostFromBrowserAsync(page, json);
        await page.GotoAsync($"/culture?c={language}&redirectUri=/diagnoses/{reference}");
        await page.WaitForInteractiveAsync();

        Assert.Equal(outcome, await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));

        // 3: no rule codes for end users (the reference code WH-… is theirs to keep).
        var visible = await page.InnerTextAsync("main");
        Assert.False(RuleCode().IsMatch(visible), $"a rule code is visible to the user: {RuleCode().Match(visible).Value}");

        // 1 and 2: the outcome-deciding findings come first and are open.
        var firstGroup = await page.Locator("section[data-testid^='group-']").First.GetAttributeAsync("data-testid");
        var expectedFirst = outcome == "fix-and-retry" ? "group-blocking" : "group-decisive";
        Assert.Equal(expectedFirst, firstGroup);
        var first = page.Locator("[data-testid^='finding-']").First;
        switch (outcome)
        {
            case "contact-support":
                Assert.Equal("finding-AP-RISK-HOLD", await first.GetAttributeAsync("data-testid"));
                Assert.True(await page.Locator("[data-testid='group-also-worth-checking'] [data-testid='finding-BK-CARD-MISSING']").IsVisibleAsync());
                break;
            case "wait":
                Assert.Equal("finding-AP-COOLDOWN", await first.GetAttributeAsync("data-testid"));
                break;
            case "ready":
                Assert.Equal("finding-AP-READY", await first.GetAttributeAsync("data-testid"));
                Assert.True(await page.Locator("[data-testid='finding-AP-READY'] [data-testid='finding-remedies'] li").First.IsVisibleAsync(),
                    "the re-apply steps the banner points to are collapsed");
                break;
        }

        // 4: each open finding's title sits above its explanation, never on the same line.
        var titleBox = await first.Locator("[data-testid='finding-title']").BoundingBoxAsync();
        var explanationBox = await first.Locator("[data-testid='finding-explanation']").BoundingBoxAsync();
        Assert.NotNull(titleBox);
        Assert.NotNull(explanationBox);
        Assert.True(explanationBox.Y >= titleBox.Y + titleBox.Height - 1, $"title {titleBox.Y}+{titleBox.Height}, explanation {explanationBox.Y}");

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the result page scrolls sideways at 360 px");
        await page.ScreenshotAsync($"result-{outcome}-360-{language}");
        await page.Context.CloseAsync();
    }
}
