using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Components.Pages.Diagnose;

namespace WalletHelp.Tests.Components.Diagnose;

/// <summary>
/// Issue 13 item 3: a keystroke re-renders the field it touched and, once the rules ran, the findings that changed —
/// not the step, not the other fields; and the answers are saved on a slower cadence than the keystrokes.
/// </summary>
public sealed class WizardRenderScopeTests : WizardTestBase, IClassFixture<WizardHost>
{
    private readonly CountingStore counting = new();

    public WizardRenderScopeTests(WizardHost host) : base(host)
    {
        Services.AddSingleton<IWizardStore>(counting);
    }

    private static IRenderedComponent<WizardTextField> TextField(IRenderedComponent<DiagnoseWizard> cut, string field) =>
        cut.FindComponents<WizardTextField>().Single(f => f.Instance.Field == field);

    /// <summary>Waits until the wizard stops rendering after its start (restore, address, live-assist check).</summary>
    private static async Task SettledAsync(IRenderedComponent<DiagnoseWizard> cut)
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid='wizard-state'][data-restored='true']"), Wait);
        var renders = -1;
        while (renders != cut.RenderCount)
        {
            renders = cut.RenderCount;
            await Task.Delay(DiagnoseWizard.DebounceMilliseconds * 2, Xunit.TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Keystroke_RendersOnlyItsField_ThenOnlyTheFindingsThatChanged()
    {
        var cut = RenderWizard("application-rejected");
        await SettledAsync(cut);
        // The wizard's own renders, seen through its progress bar (re-rendered whenever the wizard renders).
        var progress = cut.FindComponent<WizardProgress>();
        var wizard = progress.RenderCount;
        // bUnit counts a component's render together with its children's, so the step's own renders show through its
        // other fields: had the step re-rendered, each of them would have too.
        var others = cut.FindComponents<WizardTextField>().Where(f => f.Instance.Field != FieldPaths.IdNumber)
            .Select(f => (f, f.RenderCount)).ToList();
        // The fields render their findings themselves (no FieldFindings component per field): the choices count too.
        var otherChoices = cut.FindComponents<WizardChoice>().Select(f => (f, f.RenderCount)).ToList();
        var idField = TextField(cut, FieldPaths.IdNumber);
        var idRenders = idField.RenderCount;
        Assert.True(others.Count >= 3, "the personal step has other text fields");
        Assert.True(otherChoices.Count >= 2, "the personal step has choices");
        Assert.Empty(cut.FindComponents<FieldFindings>());

        // One keystroke: the field re-renders (it handled the event), not the wizard, the step or another field.
        Type(cut, FieldPaths.IdNumber, "1");
        Assert.True(idField.RenderCount > idRenders);
        var idTypedRenders = idField.RenderCount;
        Assert.Equal(wizard, progress.RenderCount);
        Assert.All(others, o => Assert.Equal(o.RenderCount, o.f.RenderCount));

        // The rules run after the pause: the ID number's findings re-render (its check-digit/length finding appears)…
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='findings-personal-idNumber'] [data-testid^='field-finding-']")), Wait);
        Assert.True(idField.RenderCount > idTypedRenders);
        // …and still not the step, the page, nor any other field (with its findings).
        Assert.Equal(wizard, progress.RenderCount);
        Assert.All(others, o => Assert.Equal(o.RenderCount, o.f.RenderCount));
        Assert.All(otherChoices, o => Assert.Equal(o.RenderCount, o.f.RenderCount));

        // More typing: still neither the wizard nor another field re-renders.
        Type(cut, FieldPaths.IdNumber, "11");
        await Task.Delay(DiagnoseWizard.DebounceMilliseconds * 3, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(wizard, progress.RenderCount);
        Assert.All(others, o => Assert.Equal(o.RenderCount, o.f.RenderCount));
    }

    [Fact]
    public async Task Typing_IsSavedOnceAfterThePause_NotPerKeystroke()
    {
        var cut = RenderWizard("application-rejected");
        await SettledAsync(cut);
        var before = counting.Saves;

        foreach (var typed in new[] { "1", "11", "110", "1101", "11010", "110105" })
        {
            Type(cut, FieldPaths.IdNumber, typed);
        }
        await WaitUntilAsync(() => counting.Saves > before);
        await Task.Delay(DiagnoseWizard.SaveDelayMilliseconds + 500, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(before + 1, counting.Saves);
        Assert.Equal("110105", counting.Last!.Input.Personal!.IdNumber);
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("[data-testid='wizard-state']").GetAttribute("data-saves"));
    }

    private sealed class CountingStore : IWizardStore
    {
        public int Saves;

        public WizardSnapshot? Last { get; private set; }

        public Task<WizardSnapshot?> LoadAsync(Symptom symptom) => Task.FromResult<WizardSnapshot?>(null);

        public Task SaveAsync(WizardSnapshot snapshot)
        {
            Interlocked.Increment(ref Saves);
            Last = snapshot;
            return Task.CompletedTask;
        }

        public Task ClearAsync(Symptom symptom) => Task.CompletedTask;
    }
}
