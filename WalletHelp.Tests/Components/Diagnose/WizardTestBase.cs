using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Reference;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Diagnose;
using WalletHelp.Web.Services;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Components.Diagnose;

/// <summary>The real app (SQLite file, rules, texts) behind bUnit-rendered wizard components; one per test class.</summary>
public class WizardHost : IDisposable
{
    public WizardHost()
        : this(new WalletHelpFactory())
    {
    }

    protected WizardHost(WalletHelpFactory factory) => Factory = factory;

    public WalletHelpFactory Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public void Dispose() => Factory.Dispose();
}

/// <summary>Browser storage stand-in: what the wizard would keep in the tab's session storage.</summary>
public sealed class MemoryWizardStore : IWizardStore
{
    public Dictionary<Symptom, WizardSnapshot> Saved { get; } = [];

    public Task<WizardSnapshot?> LoadAsync(Symptom symptom) => Task.FromResult(Saved.GetValueOrDefault(symptom));

    public Task SaveAsync(WizardSnapshot snapshot)
    {
        Saved[snapshot.Input.Symptom] = snapshot;
        return Task.CompletedTask;
    }

    public Task ClearAsync(Symptom symptom)
    {
        Saved.Remove(symptom);
        return Task.CompletedTask;
    }
}

public abstract class WizardTestBase : BunitTestBase
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    protected WizardTestBase(WizardHost host, string culture = "zh-CN") : base(culture)
    {
        Host = host;
        var app = host.Services;
        Services.AddSingleton(app.GetRequiredService<IDiagnosisEngine>());
        Services.AddSingleton(app.GetRequiredService<IFindingTexts>());
        Services.AddSingleton(app.GetRequiredService<BankDirectory>());
        Services.AddSingleton(app.GetRequiredService<IBinTableProvider>());
        Services.AddSingleton(app.GetRequiredService<ServiceStatusService>());
        Services.AddSingleton(app.GetRequiredService<DiagnosisService>());
        Services.AddSingleton<IWizardStore>(Store);
        Services.AddScoped<CircuitUser>();
        // The wizard accepts the page's circuit tokens (an island on a static page) with the app's data protection.
        Services.AddSingleton(app.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
        Services.AddScoped<WizardScript>();
        // Live assist: the app's session store and channel, this test's circuit.
        Services.AddSingleton(app.GetRequiredService<WalletHelp.Web.Services.Assist.AssistService>());
        Services.AddScoped<WalletHelp.Web.Services.Assist.AssistUserSession>();
        // A queue of its own (no writer reads it), so tests can see which stages the wizard counted.
        Services.AddSingleton(Funnel);
        AddAuthorization();
    }

    protected WalletHelp.Web.Services.Analytics.WizardFunnelRecorder Funnel { get; } = new(TimeProvider.System);

    protected WizardHost Host { get; }

    protected MemoryWizardStore Store { get; } = new();

    protected IRenderedComponent<DiagnoseWizard> RenderWizard(string symptom) =>
        Render<DiagnoseWizard>(p => p.Add(w => w.SymptomCode, symptom));

    protected static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true in time");
            await Task.Delay(25, Xunit.TestContext.Current.CancellationToken);
        }
    }

    protected static void Type(IRenderedComponent<DiagnoseWizard> cut, string field, string value) =>
        cut.Find($"[data-testid='{WizardSteps.ElementId(field)}']").Input(value);

    protected static string FindingsText(IRenderedComponent<DiagnoseWizard> cut, string field) =>
        cut.Find($"[data-testid='findings-{field.Replace('.', '-')}']").TextContent;
}
