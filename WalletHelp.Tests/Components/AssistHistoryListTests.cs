using Bunit;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Agent;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Tests.Components;

/// <summary>The case page's live-assist sessions: when, who, what was sent; a plain sentence when there were none.</summary>
public sealed class AssistHistoryListTests : BunitTestBase
{
    [Fact]
    public void ListsEachSession_WithStaffAndCounts()
    {
        var at = new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
        var cut = Render<AssistHistoryList>(p => p.Add(x => x.Sessions,
        [
            new AssistSessionSummary(at, at.AddMinutes(7), ["alice@test.local", "bob@test.local"], 2, 1, 1, 1, 0, true),
        ]));

        var session = cut.Find("[data-testid='assist-history-session']");
        Assert.Contains("2026-11-26 10:00", session.TextContent);
        Assert.Contains("alice@test.local, bob@test.local", cut.Find("[data-testid='assist-history-agents']").TextContent);
        Assert.Equal("提示 2 条 · 指向 1 次 · 建议步骤 1 次 · 转交 1 次 · 邀请 0 次", cut.Find("[data-testid='assist-history-counts']").TextContent.Trim());
        Assert.Contains("来电者结束了共享", session.TextContent);
    }

    [Fact]
    public void NoSessions_SaysSo()
    {
        var cut = Render<AssistHistoryList>(p => p.Add(x => x.Sessions, []));
        Assert.Equal("此工单没有远程协助记录。", cut.Find("[data-testid='assist-history-empty']").TextContent.Trim());
    }
}
