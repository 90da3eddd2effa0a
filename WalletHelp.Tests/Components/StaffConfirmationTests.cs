using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Faq;
using WalletHelp.Web.Components.Pages.Admin.Status;
using WalletHelp.Web.Data.Status;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Faq;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Components;

/// <summary>Issue 10 items 9–10: destructive and publishing staff actions ask first; times are labelled Beijing time.</summary>
public sealed class StaffConfirmationTests : BunitTestBase, IClassFixture<WizardHost>
{
    private readonly WizardHost host;

    public StaffConfirmationTests(WizardHost host)
    {
        this.host = host;
        Services.AddSingleton(host.Services.GetRequiredService<ServiceStatusService>());
        Services.AddSingleton(host.Services.GetRequiredService<DiagnosisService>());
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin");
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly WalletHelp.Web.Services.Audit.AuditActor Actor = new("test", "admin@test.local", null);

    [Fact]
    public async Task MaintenanceForm_AfterASuccessfulSave_ShowsNoRequiredError()
    {
        var cut = Render<MaintenanceForm>();
        cut.Find("[data-testid='maintenance-title'] input, input[data-testid='maintenance-title']").Change("保存后不报错");

        await cut.Find("[data-testid='maintenance-add']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("[data-testid='maintenance-title'] input, input[data-testid='maintenance-title']").GetAttribute("value") ?? ""));
        Assert.DoesNotContain("Required", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("请填写中文标题", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role='alert']"));
    }

    [Fact]
    public async Task AdminStatus_DeleteMaintenance_AsksFirstAndCancelKeepsIt()
    {
        var status = host.Services.GetRequiredService<ServiceStatusService>();
        var window = (await status.AddMaintenanceAsync(new MaintenanceInput(
            DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(3).AddHours(2), "确认后才删除", null), Actor, Ct)).Saved!;
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<AdminStatus>();
        cut.WaitForElement("[data-testid='maintenance-delete']");
        Assert.Contains("北京时间", cut.Find("[data-testid='admin-maintenance']").TextContent);

        var row = cut.FindAll("[data-testid='admin-maintenance']").Single(r => r.TextContent.Contains("确认后才删除", StringComparison.Ordinal));
        // Click(), not ClickAsync(): the handler awaits the dialog, which only this test can answer.
        row.QuerySelector("[data-testid='maintenance-delete']")!.Click();

        dialogs.WaitForAssertion(() => Assert.Contains("确认后才删除", dialogs.Find(".mud-dialog").TextContent));
        Assert.Contains("无法撤销", dialogs.Find(".mud-dialog").TextContent);
        var cancel = dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("取消", StringComparison.Ordinal));
        await cancel.ClickAsync(new());

        var (maintenance, _) = await status.GetCurrentAsync(Ct);
        Assert.Contains(maintenance, m => m.Id == window.Id);
    }

    [Fact]
    public async Task AdminStatus_DeleteIncident_ConfirmedDeletes()
    {
        var status = host.Services.GetRequiredService<ServiceStatusService>();
        var incident = (await status.AddIncidentAsync(new IncidentInput(DateTimeOffset.UtcNow, null, "确认删除的故障", null, AffectsOpening: false), Actor, Ct)).Saved!;
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<AdminStatus>();
        cut.WaitForElement("[data-testid='incident-delete']");

        var row = cut.FindAll("[data-testid='admin-incident']").Single(r => r.TextContent.Contains("确认删除的故障", StringComparison.Ordinal));
        row.QuerySelector("[data-testid='incident-delete']")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确认删除的故障", dialogs.Find(".mud-dialog").TextContent));
        var yes = dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("删除", StringComparison.Ordinal));
        await yes.ClickAsync(new());

        for (var i = 0; i < 50 && (await status.GetCurrentAsync(Ct)).Incidents.Any(x => x.Id == incident.Id); i++)
        {
            await Task.Delay(100, Ct);
        }
        Assert.DoesNotContain((await status.GetCurrentAsync(Ct)).Incidents, x => x.Id == incident.Id);
    }
}

public sealed class FaqHistoryConfirmationTests : AdminPageTestBase
{
    [Fact]
    public async Task History_Restore_SaysItGoesLiveAndCancelChangesNothing()
    {
        var first = await Database.CreateAsync("restore-confirm", "恢复前确认", "第一版正文");
        var edit = first.Clone();
        edit.BodyZh = "第二版正文";
        var second = await Database.Admin.SaveAsync(edit, FaqSaveAction.Publish, "tester", Xunit.TestContext.Current.CancellationToken);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<FaqHistory>(p => p.Add(x => x.Id, first.Id));
        cut.WaitForElement("[data-testid='history-restore']");
        Assert.All(cut.FindAll("[data-testid='history-time']"), t => Assert.Contains("北京时间", t.TextContent));

        cut.Find("[data-testid='history-restore']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("立即显示", dialogs.Find(".mud-dialog").TextContent));
        var cancel = dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("取消", StringComparison.Ordinal));
        await cancel.ClickAsync(new());
        var article = await Database.Admin.GetAsync(first.Id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(second.Saved!.Version, article!.Version);
    }
}
