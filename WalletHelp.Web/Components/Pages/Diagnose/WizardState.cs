using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>
/// One wizard's answers for one symptom, kept in the circuit. The answers are the Core's immutable
/// <see cref="DiagnosisInput"/>, replaced with <c>with</c> on every change, so what the wizard submits is exactly what
/// the rules saw while the person typed.
/// </summary>
public sealed class WizardState
{
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);

    public WizardState(Symptom symptom)
    {
        Flow = SymptomFlow.For(symptom);
        Steps = WizardSteps.For(Flow);
        Input = new DiagnosisInput { Symptom = symptom };
    }

    public SymptomFlow Flow { get; }

    public IReadOnlyList<WizardStep> Steps { get; }

    public DiagnosisInput Input { get; private set; }

    public int StepIndex { get; private set; }

    /// <summary>The reference of the diagnosis these answers last produced: submitting again adds an attempt to it.</summary>
    public string? Reference { get; set; }

    public WizardStep CurrentStep => Steps[StepIndex];

    public bool IsLastStep => StepIndex == Steps.Count - 1;

    private IReadOnlyList<Finding> findings = [];

    /// <summary>
    /// The latest live findings (rules run on the partial input). Setting them raises <see cref="FindingsChanged"/>:
    /// each field's findings, its <c>aria-invalid</c> and the sidebar re-render themselves when their part changed,
    /// so new findings never re-render the whole step.
    /// </summary>
    public IReadOnlyList<Finding> Findings
    {
        get => findings;
        set
        {
            findings = value ?? [];
            FindingsChanged?.Invoke();
        }
    }

    /// <summary>
    /// Replaces the findings without raising <see cref="FindingsChanged"/>: for a page that re-renders itself (and so
    /// every field) right after, where the fields' own renders would come first, in batches of their own.
    /// </summary>
    public void SetFindingsQuietly(IReadOnlyList<Finding> value) => findings = value ?? [];

    /// <summary>
    /// The field a live-assist agent points at, with their hint (null without a live assist). The fields show it in
    /// their findings area; setting a different one raises <see cref="FindingsChanged"/> so only they re-render (it was
    /// a cascading value: one more component in every circuit).
    /// </summary>
    public WalletHelp.Web.Services.Assist.AssistHint? Pointer
    {
        get => pointer;
        set
        {
            if (ReferenceEquals(pointer, value)) return;
            pointer = value;
            FindingsChanged?.Invoke();
        }
    }

    private WalletHelp.Web.Services.Assist.AssistHint? pointer;

    /// <summary>Raised after every answer change (the page debounces validation and saving).</summary>
    public event Action? Changed;

    /// <summary>Raised when <see cref="Findings"/> or the <see cref="Pointer"/> were replaced (see <see cref="FindingsAre"/>).</summary>
    public event Action? FindingsChanged;

    /// <summary>
    /// Whether <paramref name="shown"/> (what a component last rendered for <paramref name="field"/>) is what it would
    /// render now: same codes, severities and arguments, in order. No allocation when nothing changed.
    /// </summary>
    public bool FindingsAre(string field, IReadOnlyList<Finding> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var index = 0;
        if (IsTouched(field))
        {
            // Indexed, not foreach: the list is an interface, whose enumerator is an allocation per field per rules run.
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                if (finding.Field != field) continue;
                if (index >= shown.Count || !Same(finding, shown[index])) return false;
                index++;
            }
        }
        return index == shown.Count;
    }

    private static bool Same(Finding a, Finding b)
    {
        if (a.Code != b.Code || a.Severity != b.Severity || a.SelfService != b.SelfService) return false;
        if (ReferenceEquals(a.Args, b.Args)) return true;
        if (a.Args is null || b.Args is null || a.Args.Count != b.Args.Count) return false;
        foreach (var (key, value) in a.Args)
        {
            if (!b.Args.TryGetValue(key, out var other) || other != value) return false;
        }
        return true;
    }

    public void SetWalletClass(int? walletClass) =>
        Update(Input with { WalletClass = walletClass }, FieldPaths.WalletClass);

    public void SetPersonal(Func<PersonalInput, PersonalInput> change, string field) =>
        Update(Input with { Personal = change(Input.Personal ?? new PersonalInput()) }, field);

    public void SetBank(Func<BankInput, BankInput> change, string field) =>
        Update(Input with { Bank = change(Input.Bank ?? new BankInput()) }, field);

    public void SetApplication(Func<ApplicationInput, ApplicationInput> change, string field) =>
        Update(Input with { Application = change(Input.Application ?? new ApplicationInput()) }, field);

    public void SetTransaction(Func<TransactionInput, TransactionInput> change, string field) =>
        Update(Input with { Transaction = change(Input.Transaction ?? new TransactionInput()) }, field);

    /// <summary>Findings are shown on a field only once the person has been there (no red before typing).</summary>
    public bool IsTouched(string field) => touched.Contains(field);

    public void TouchStep(WizardStep step)
    {
        foreach (var field in step.Fields) touched.Add(field);
    }

    public IEnumerable<Finding> FindingsFor(string field) =>
        IsTouched(field) ? Findings.Where(f => f.Field == field) : [];

    /// <summary>Findings of the current step's fields that block (the "Next" button warns about them).</summary>
    public IEnumerable<Finding> ShownFindings => Findings.Where(f => f.Field is null || IsTouched(f.Field));

    public void GoTo(int index)
    {
        StepIndex = Math.Clamp(index, 0, Steps.Count - 1);
        Changed?.Invoke();
    }

    /// <summary>The step holding a field (JSON path such as <c>personal.idNumber</c>), or -1.</summary>
    public int StepOf(string? field)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Fields.Contains(field ?? string.Empty, StringComparer.Ordinal)) return i;
        }
        return -1;
    }

    public WizardSnapshot ToSnapshot() => new(Input, StepIndex, [.. touched], Reference);

    public void Restore(WizardSnapshot snapshot)
    {
        if (snapshot.Input.Symptom != Input.Symptom) return;
        Input = snapshot.Input;
        StepIndex = Math.Clamp(snapshot.Step, 0, Steps.Count - 1);
        Reference = snapshot.Reference;
        touched.Clear();
        foreach (var field in snapshot.Touched ?? []) touched.Add(field);
    }

    public void Clear()
    {
        Input = new DiagnosisInput { Symptom = Input.Symptom };
        StepIndex = 0;
        Reference = null;
        touched.Clear();
        findings = [];
        Changed?.Invoke();
    }

    private void Update(DiagnosisInput input, string field)
    {
        Input = input;
        touched.Add(field);
        Changed?.Invoke();
    }
}

/// <summary>What is kept in the browser's session storage (encrypted by data protection) between visits.</summary>
public sealed record WizardSnapshot(DiagnosisInput Input, int Step, string[]? Touched, string? Reference = null);
