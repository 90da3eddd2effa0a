using System.Globalization;
using Microsoft.Extensions.Localization;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>One finding as a field shows it, its texts looked up once (not on every render of the field).</summary>
public sealed record ShownFinding(Finding Finding, string Title, string? Explanation, string Severity, string SeverityLabel)
{
    public string CssClass { get; } = "wh-finding wh-finding-" + Severity;

    public string TestId { get; } = "field-finding-" + Finding.Code;
}

/// <summary>
/// What a field's findings area shows (<see cref="FieldFindings.Template"/>): the field's live findings and the agent's
/// pointer at it. <see cref="Update"/> takes new ones only when they differ, so the rules' run after every typing
/// pause allocates nothing when a field's findings stayed the same.
/// </summary>
public sealed class FieldFindingsView(IFindingTexts texts, IStringLocalizer localizer)
{
    private string? field;
    private IReadOnlyList<Finding> findings = [];

    public string Id { get; private set; } = "";

    public string TestId { get; private set; } = "";

    public IReadOnlyList<ShownFinding> Shown { get; private set; } = [];

    public AssistHint? Pointer { get; private set; }

    public string PointerLabel { get; private set; } = "";

    public string PointerTestId { get; private set; } = "";

    /// <summary>Takes the field's findings and the pointer (when at this field); true when what is shown changed.</summary>
    public bool Update(WizardState state, string field, string id, AssistHint? pointer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(field);
        var changed = false;
        if (this.field != field || Id != id)
        {
            this.field = field;
            Id = id;
            TestId = FieldFindings.TestIdFor(field);
            PointerTestId = "agent-pointer-" + field.Replace(".", "-", StringComparison.Ordinal);
            findings = [];
            Shown = [];
            changed = true;
        }
        if (!state.FindingsAre(field, findings))
        {
            var culture = CultureInfo.CurrentUICulture;
            var now = state.FindingsFor(field).ToArray();
            findings = now;
            Shown = Array.ConvertAll(now, f =>
            {
                var text = texts.Localize(f, culture);
                var severity = f.Severity.ToCode();
                return new ShownFinding(f, text.Title, text.Explanation, severity, localizer[$"Wizard.Severity.{severity}"]);
            });
            changed = true;
        }
        var at = pointer is { } p && p.Field == field ? p : null;
        if (!ReferenceEquals(at, Pointer))
        {
            Pointer = at;
            PointerLabel = at is null ? "" : localizer["Assist.PointerFrom", at.From];
            changed = true;
        }
        return changed;
    }
}
