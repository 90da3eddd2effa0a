using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Status;
using WalletHelp.Web.Components.Pages.Agent;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Components;

/// <summary>Bad input on the staff forms gets a clear message and stores nothing.</summary>
public sealed class StaffFormsTests : BunitTestBase, IClassFixture<WizardHost>
{
    private readonly WizardHost host;

    public StaffFormsTests(WizardHost host)
    {
        this.host = host;
        Services.AddSingleton(host.Services.GetRequiredService<ServiceStatusService>());
        Services.AddSingleton(host.Services.GetRequiredService<DiagnosisService>());
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin");
    }

    private static void Set(IRenderedComponent<MaintenanceForm> cut, string testId, string value) =>
        cut.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Change(value);

    [Fact]
    public async Task MaintenanceForm_EndBeforeStart_SaysSoAndSavesNothing()
    {
        var cut = Render<MaintenanceForm>();
        Set(cut, "maintenance-title", "系统升级");
        Set(cut, "maintenance-starts", "2026-12-01T22:00");
        Set(cut, "maintenance-ends", "2026-12-01T21:00");

        await cut.Find("[data-testid='maintenance-add']").ClickAsync(new());

        Assert.Contains("结束时间必须晚于开始时间", cut.Find("[role='alert']").TextContent);
        var (maintenance, _) = await host.Services.GetRequiredService<ServiceStatusService>().GetCurrentAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.DoesNotContain(maintenance, m => m.Title == "系统升级");
    }

    [Fact]
    public async Task MaintenanceForm_MissingTitle_AsksForIt()
    {
        var cut = Render<MaintenanceForm>();

        await cut.Find("[data-testid='maintenance-add']").ClickAsync(new());

        Assert.Contains("请填写中文标题", cut.Find("[role='alert']").TextContent);
    }

    [Fact]
    public async Task AgentConsole_MalformedReference_ExplainsTheFormat()
    {
        var cut = Render<AgentConsole>();
        cut.Find("[data-testid='agent-reference'] input, input[data-testid='agent-reference']").Input("WH-12");

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("编号格式不正确", cut.Markup));
    }

    [Fact]
    public async Task AgentConsole_UnknownReference_SaysNoSuchDiagnosis()
    {
        var cut = Render<AgentConsole>();
        cut.Find("[data-testid='agent-reference'] input, input[data-testid='agent-reference']").Input("WH-ZZZZ-ZZZZ");

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("没有此编号的诊断", cut.Markup));
    }
}
