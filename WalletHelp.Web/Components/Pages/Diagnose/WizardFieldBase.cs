using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using WalletHelp.Core.Diagnostics;
using Severity = WalletHelp.Core.Diagnostics.Severity;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>
/// A wizard question (<see cref="WizardTextField"/>, <see cref="WizardChoice"/>) with its live findings and the agent's
/// pointer rendered inside it (<see cref="FieldFindings.Template"/>). They were a <see cref="FieldFindings"/> component
/// per field: eight more components in every circuit on the first step, each with its own render buffers (issue 13
/// item 3). The field re-renders when its findings, its <c>aria-invalid</c> or the pointer changed
/// (<see cref="WizardState.FindingsChanged"/>), never the step around it; the findings' texts are looked up once when
/// they change, not on every keystroke's render.
/// </summary>
public abstract class WizardFieldBase : ComponentBase, IDisposable
{
    private WizardState? watched;
    private string? idField;
    private FieldFindingsView? findings;
    private string findingsId = "";

    [Inject] private IFindingTexts Texts { get; set; } = default!;

    [Inject] private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    [Parameter, EditorRequired] public WizardState State { get; set; } = default!;

    [Parameter, EditorRequired] public string Field { get; set; } = "";

    /// <summary>The element id of the field (<c>field-personal-idNumber</c>) and of its hint.</summary>
    protected string Id { get; private set; } = "";

    protected string HintId { get; private set; } = "";

    /// <summary>What <c>aria-describedby</c> names: the hint and the findings.</summary>
    protected string DescribedBy { get; private set; } = "";

    /// <summary>A blocking finding on a touched field (<c>aria-invalid</c>: "true" or "false").</summary>
    protected string AriaInvalid { get; private set; } = "false";

    /// <summary>"Why we ask" and "optional", looked up once (a circuit keeps its language).</summary>
    protected string WhyWeAsk { get; private set; } = "";

    protected string OptionalText { get; private set; } = "";

    /// <summary>What the findings area shows (render it with <see cref="FieldFindings.Template"/>).</summary>
    protected FieldFindingsView Findings => findings!;

    protected override void OnInitialized()
    {
        WhyWeAsk = Localizer["Wizard.WhyWeAsk"];
        OptionalText = Localizer["Wizard.Optional"];
        findings = new FieldFindingsView(Texts, Localizer);
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(watched, State))
        {
            if (watched is not null) watched.FindingsChanged -= OnFindingsChanged;
            watched = State;
            State.FindingsChanged += OnFindingsChanged;
        }
        if (idField != Field)
        {
            idField = Field;
            Id = WizardSteps.ElementId(Field);
            HintId = Id + "-hint";
            findingsId = Id + "-findings";
            DescribedBy = HintId + " " + findingsId;
        }
        AriaInvalid = IsInvalid() ? "true" : "false";
        findings!.Update(State, Field, findingsId, State.Pointer);
    }

    private bool IsInvalid()
    {
        if (!State.IsTouched(Field)) return false;
        var all = State.Findings;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Field == Field && all[i].Severity == Severity.Blocking) return true;
        }
        return false;
    }

    private void OnFindingsChanged()
    {
        var invalid = IsInvalid() ? "true" : "false";
        var changed = findings!.Update(State, Field, findingsId, State.Pointer) | !ReferenceEquals(invalid, AriaInvalid);
        AriaInvalid = invalid;
        if (changed) StateHasChanged();
    }

    public void Dispose()
    {
        if (watched is not null) watched.FindingsChanged -= OnFindingsChanged;
        GC.SuppressFinalize(this);
    }
}
