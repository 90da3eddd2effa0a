using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Assist;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Status;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>
/// The wizard for one symptom, the interactive island of <see cref="DiagnosePage"/>. Every change re-runs the Core rules
/// on the partial input (debounced) so problems show on the field while the person types — only the fields whose
/// findings changed re-render (<see cref="WizardState.FindingsChanged"/>), never the whole step — and saves the answers
/// to the browser's encrypted session storage on a slower cadence (<see cref="SaveDelayMilliseconds"/>, at the latest
/// <see cref="SaveMaxDelayMilliseconds"/> after a change; at once on a step change or submit), so a refresh or a lost
/// circuit loses nothing. Submitting stores the masked diagnosis and opens its result page.
/// </summary>
public sealed partial class DiagnoseWizard : IDisposable
{
    // Two timers per wizard, moved on every change (Timer.Change allocates nothing): a keystroke used to allocate a
    // CancellationTokenSource, a Task.Delay and an async state machine for each of them (issue 13 item 3).
    private Timer? debounce;
    private Timer? saveTimer;
    // When the last answer changed (Environment.TickCount64): a debounce tick that fires early is ignored.
    private long lastChange;
    private bool disposed;
    // When the oldest change not yet in the tab's storage was made (null: everything saved).
    private long? unsavedSince;

    // Answer changes so far, and how many of them the last completed save included (the marker's data-unsaved).
    private long changes;
    private long savedChanges;
    private WizardStateMarker? marker;
    // The step the address bar names (the browser's history is kept by wwwroot/js/wizard.js, not by Blazor's router).
    private int? addressStep;
    private DotNetObjectReference<DiagnoseWizard>? self;
    private Func<string, bool> fieldShown = _ => false;
    private ServiceSchedule schedule = ServiceSchedule.Empty;
    private string? pendingFocus;
    private bool restored;
    private int saves;
    private bool submitting;
    private bool submitError;
    // Set when the server refused the submit: the shared per-address budget (seconds to wait) or a length limit.
    private int? limitedSeconds;
    private bool tooLong;
    // Live assist: the steps as the panel names them, the pointer last scrolled to, a field to scroll to after render.
    private IReadOnlyList<AssistStep> assistSteps = [];
    private int shownPointer;
    private string? pendingScroll;
    // Funnel stages this run has counted (step numbers, and the result): each once per run.
    private readonly HashSet<int> countedStages = [];

    /// <summary>How long typing must pause before the rules run.</summary>
    public static int DebounceMilliseconds { get; set; } = 300;

    /// <summary>How long typing must pause before the answers are encrypted into the tab's storage.</summary>
    public static int SaveDelayMilliseconds { get; set; } = 1000;

    /// <summary>The longest a change waits for its save while the person keeps typing.</summary>
    public static int SaveMaxDelayMilliseconds { get; set; } = 4000;

    [Parameter] public string SymptomCode { get; set; } = "";

    /// <summary>The browser id and client address of the page's request (the island's circuit has no Routes to take them).</summary>
    [Parameter] public CircuitTokens? Tokens { get; set; }

    /// <summary>"Edit this answer" from the result page: a field path such as <c>personal.idNumber</c>.</summary>
    [SupplyParameterFromQuery(Name = "edit")] public string? Edit { get; set; }

    /// <summary>
    /// The step (1-based) in the address: every step is a history entry, so the browser's Back and Forward move
    /// between steps. The answers live in the component (and session storage), so nothing typed is lost.
    /// </summary>
    [SupplyParameterFromQuery(Name = "step")] public int? Step { get; set; }

    [Inject] private IDiagnosisEngine Engine { get; set; } = default!;
    [Inject] private DiagnosisService Diagnoses { get; set; } = default!;
    [Inject] private ServiceStatusService Status { get; set; } = default!;
    [Inject] private IWizardStore Store { get; set; } = default!;
    [Inject] private WizardScript Script { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<DiagnoseWizard> Logger { get; set; } = default!;
    [Inject] private AssistUserSession Assist { get; set; } = default!;
    [Inject] private RequesterAccessor Asking { get; set; } = default!;
    [Inject] private WalletHelp.Web.Services.Analytics.WizardFunnelRecorder Funnel { get; set; } = default!;
    [Inject] private CircuitUser Circuit { get; set; } = default!;
    [Inject] private Microsoft.AspNetCore.DataProtection.IDataProtectionProvider DataProtection { get; set; } = default!;

    public WizardState? State { get; private set; }

    private string SymptomTitle => State is null ? L["Wizard.UnknownSymptom"] : L[$"Triage.Symptom.{SymptomCode}.Title"];

    protected override void OnInitialized()
    {
        Circuit.Accept(DataProtection, Tokens);
        fieldShown = field => State?.CurrentStep.Fields.Contains(field) == true;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (State is not null && State.Input.Symptom.ToCode() == SymptomCode)
        {
            // Back / Forward (or a step link): the address changed, the component and its answers stayed.
            if (restored && Step is { } step && step - 1 != State.StepIndex)
            {
                State.TouchStep(State.CurrentStep);
                State.GoTo(step - 1);
                CountStage();
                Validate();
                pendingFocus = "step-heading";
                await SaveAsync();
            }
            return;
        }
        if (State is not null) State.Changed -= OnChanged;
        State = Codes.TryParseSymptom(SymptomCode, out var symptom) ? new WizardState(symptom) : null;
        if (State is null) return;
        State.Changed += OnChanged;
        SyncPointer();
        assistSteps = WizardAssist.StepsFor(symptom);
        countedStages.Clear();
        schedule = await Status.GetScheduleAsync(Languages.CurrentIsEnglish);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (State is null) return;
        if (!restored)
        {
            // Browser storage only exists once interactive (never during prerender).
            restored = true;
            if (await LoadAsync() is { } snapshot)
            {
                State.Restore(snapshot);
                // A refresh or "edit this answer": this run was counted up to here by the page it came from.
                for (var stage = 1; stage <= State.StepIndex + 1; stage++) countedStages.Add(stage);
            }
            if (State.StepOf(Edit) is var editStep and >= 0)
            {
                State.GoTo(editStep);
                pendingFocus = WizardSteps.ElementId(Edit!);
            }
            else if (Step is { } step)
            {
                State.GoTo(step - 1);
            }
            CountStage();
            Validate();
            StateHasChanged();
            // Back and Forward between the wizard's own history entries come back here (StepFromHistory).
            self = DotNetObjectReference.Create(this);
            await Script.WatchHistoryAsync(self);
            // The address names the step shown (replacing, not adding, a history entry).
            await SyncAddressAsync(replace: true);
            Assist.Changed += OnAssistChangedAsync;
            await Assist.UseSource(() => State is null ? null : WizardAssist.Snapshot(State));
            SyncPointer();
            return;
        }
        if (pendingFocus is { } target)
        {
            pendingFocus = null;
            await Script.FocusAsync(target);
        }
        if (pendingScroll is { } field)
        {
            // The agent pointed here: scroll to it without taking the focus from what the person is typing in.
            pendingScroll = null;
            await Script.ScrollToAsync(WizardSteps.ElementId(field));
        }
    }

    /// <summary>An agent's pointer at a field on this step scrolls to it (once per pointer).</summary>
    private Task OnAssistChangedAsync() => InvokeAsync(() =>
    {
        if (State is not null && Assist.IsActive && Assist.View?.Pointer is { Field: { } field } pointer && pointer.Id != shownPointer
            && State.CurrentStep.Fields.Contains(field))
        {
            shownPointer = pointer.Id;
            pendingScroll = field;
        }
        SyncPointer();
        StateHasChanged();
    });

    /// <summary>The agent's pointer, for the fields to show (they re-render themselves when it changed).</summary>
    private void SyncPointer()
    {
        if (State is not null) State.Pointer = Assist.IsActive ? Assist.View?.Pointer : null;
    }

    /// <summary>Back or Forward to one of the wizard's history entries (<c>?step=N</c>): the step it names.</summary>
    [JSInvokable]
    public async Task StepFromHistory(int step)
    {
        if (State is null || !restored) return;
        addressStep = step;
        if (step - 1 == State.StepIndex) return;
        State.TouchStep(State.CurrentStep);
        State.GoTo(step - 1);
        CountStage();
        Validate();
        pendingFocus = "step-heading";
        StateHasChanged();
        await SaveAsync();
    }

    private async Task GoToStepAsync(string key)
    {
        var index = State!.Steps.ToList().FindIndex(s => s.Key == key);
        if (index >= 0) await GoToAsync(index);
    }

    private async Task GoToFieldAsync(string field)
    {
        if (State!.StepOf(field) is var index and >= 0)
        {
            await GoToAsync(index);
            pendingFocus = null;
            pendingScroll = field;
            if (Assist.View?.Pointer is { } pointer) shownPointer = pointer.Id;
        }
    }

    private async Task<WizardSnapshot?> LoadAsync()
    {
        try
        {
            return await Store.LoadAsync(State!.Input.Symptom);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Logger.LogWarning("Saved wizard answers could not be read ({Error}); starting afresh", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Runs the rules. <paramref name="notify"/>: the wizard will not re-render, so the fields, findings and sidebar
    /// whose part changed re-render themselves (<see cref="WizardState.FindingsChanged"/>); otherwise the wizard's own
    /// render that follows shows them.
    /// </summary>
    private void Validate(bool notify = false)
    {
        if (State is null) return;
        var findings = Engine.Diagnose(State.Input, schedule).Findings;
        if (notify) State.Findings = findings; else State.SetFindingsQuietly(findings);
        if (Assist.IsActive)
        {
            // Live assist: what the rules just said, masked, goes to the agents (in-process: no waiting here).
            _ = Assist.ShareAsync(WizardAssist.Snapshot(State));
        }
    }

    /// <summary>Counts the step shown for the funnel (symptom, step number and key only; queued, never fails the page).</summary>
    private void CountStage()
    {
        if (State is null || !countedStages.Add(State.StepIndex + 1)) return;
        Funnel.Record(SymptomCode, State.StepIndex + 1, State.CurrentStep.Key);
    }

    private void OnChanged()
    {
        if (Assist.IsActive && State is not null)
        {
            // Live assist does not wait for the typing pause: the agent sees each change at once (the rules take microseconds).
            _ = Assist.ShareAsync(WizardAssist.Snapshot(State, Engine.Diagnose(State.Input, schedule).Findings));
        }
        lastChange = Environment.TickCount64;
        debounce ??= new Timer(static w => ((DiagnoseWizard)w!).OnDebounceElapsed(), this, Timeout.Infinite, Timeout.Infinite);
        debounce.Change(DebounceMilliseconds, Timeout.Infinite);
        ScheduleSave();
    }

    /// <summary>
    /// Saves once typing pauses for <see cref="SaveDelayMilliseconds"/>, or <see cref="SaveMaxDelayMilliseconds"/>
    /// after the oldest unsaved change: the snapshot is encrypted and sent to the tab a few times a minute at most, not
    /// on every change.
    /// </summary>
    private void ScheduleSave()
    {
        if (!restored) return;
        changes++;
        // Once per typing burst, not per keystroke: the marker says answers are waiting for their save.
        if (changes == savedChanges + 1) marker?.Unsaved(true);
        var now = Environment.TickCount64;
        unsavedSince ??= now;
        var delay = Math.Max(0, Math.Min(SaveDelayMilliseconds, unsavedSince.Value + SaveMaxDelayMilliseconds - now));
        saveTimer ??= new Timer(static w => ((DiagnoseWizard)w!).OnSaveElapsed(), this, Timeout.Infinite, Timeout.Infinite);
        saveTimer.Change(delay, Timeout.Infinite);
    }

    // The typing pause is over: run the rules; the fields, findings and sidebar whose part changed re-render themselves
    // (WizardState.FindingsChanged). A tick that was already on its way when a newer change moved the timer is ignored.
    private void OnDebounceElapsed() => _ = InvokeAsync(() =>
    {
        if (disposed || Environment.TickCount64 - lastChange < DebounceMilliseconds - 20) return;
        Validate(notify: true);
    });

    // The save is due; nothing to do when a step change, submit or "start over" saved (or cleared) meanwhile.
    private void OnSaveElapsed() => _ = InvokeAsync(async () =>
    {
        if (disposed || unsavedSince is null) return;
        await SaveAsync();
    });

    private async Task SaveAsync()
    {
        if (State is null || !restored) return;
        saveTimer?.Change(Timeout.Infinite, Timeout.Infinite);
        unsavedSince = null;
        var including = changes;
        try
        {
            await Store.SaveAsync(State.ToSnapshot());
            saves++;
            savedChanges = Math.Max(savedChanges, including);
            marker?.Saved(saves, unsaved: savedChanges < changes);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The answers are still in the circuit; the next change saves again.
            Logger.LogDebug("Wizard answers not saved: {Error}", ex.GetType().Name);
        }
    }

    private async Task GoToAsync(int index)
    {
        State!.TouchStep(State.CurrentStep);
        State.GoTo(index);
        CountStage();
        Validate();
        pendingFocus = "step-heading";
        // The address first, then the save: a Back pressed while the save is on its way must find this step's entry.
        await SyncAddressAsync(replace: false);
        await SaveAsync();
    }

    /// <summary>
    /// Puts the current step into the address (a new history entry unless <paramref name="replace"/>). The page is
    /// static with the wizard as an island, so the entry is made in the browser (wizard.js, history.pushState): a
    /// Blazor navigation would fetch and re-render the whole page for every step.
    /// </summary>
    private async Task SyncAddressAsync(bool replace)
    {
        if (State is null) return;
        var step = State.StepIndex + 1;
        var editInAddress = addressStep is null && Edit is not null;
        if ((addressStep ?? Step) == step && !editInAddress)
        {
            addressStep = step;
            return;
        }
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["step"] = step, ["edit"] = null });
        addressStep = step;
        await Script.SetAddressAsync(uri, step, replace);
    }

    private Task NextAsync() => GoToAsync(State!.StepIndex + 1);

    private Task BackAsync() => GoToAsync(State!.StepIndex - 1);

    private async Task StartOverAsync()
    {
        State!.Clear();
        // The tab's copy is removed now; the save the clear scheduled would only write the empty answers back.
        saveTimer?.Change(Timeout.Infinite, Timeout.Infinite);
        unsavedSince = null;
        try
        {
            await Store.ClearAsync(State.Input.Symptom);
            // Like a save, the marker's count says the tab's storage holds what the wizard shows (nothing).
            saves++;
            savedChanges = changes;
            marker?.Saved(saves, unsaved: false);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException)
        {
            Logger.LogDebug("Saved wizard answers not cleared: {Error}", ex.GetType().Name);
        }
        pendingFocus = "step-heading";
        await SyncAddressAsync(replace: false);
    }

    private async Task SubmitAsync()
    {
        if (State is null || submitting) return;
        submitting = true;
        submitError = false;
        limitedSeconds = null;
        tooLong = false;
        StateHasChanged();
        try
        {
            State.TouchStep(State.CurrentStep);
            // Kept in the browser so "edit this answer" on the result page reopens the wizard with everything filled in.
            await SaveAsync();
            var requester = await Asking.CurrentAsync();
            // Answers that already produced a diagnosis (then "edit this answer", or a fix): the same reference, a new attempt.
            var view = State.Reference is { } reference
                ? await Diagnoses.RunAgainAsync(reference, State.Input, Languages.Current, requester)
                : await Diagnoses.RunAsync(State.Input, Languages.Current, requester);
            State.Reference = view.Reference;
            await SaveAsync();
            if (countedStages.Add(WalletHelp.Web.Services.Analytics.WizardFunnelRecorder.ResultStage))
            {
                Funnel.Record(SymptomCode, WalletHelp.Web.Services.Analytics.WizardFunnelRecorder.ResultStage, "result");
            }
            // A full load: the result page reads the browser cookie itself on its first request.
            Navigation.NavigateTo($"/diagnoses/{view.Reference}", forceLoad: true);
        }
        catch (WriteLimitExceededException limited)
        {
            // Same budget as POST /api/v1/diagnoses; the answers stay in the form and in session storage.
            limitedSeconds = limited.RetryAfterSeconds;
            submitting = false;
        }
        catch (InputTooLongException)
        {
            tooLong = true;
            submitting = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError("Wizard submit failed: {Error}", ex.GetType().Name);
            submitError = true;
            submitting = false;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), string> ButtonClasses = new();

    /// <summary>The classes <c>MudButton</c> writes for a variant, colour and size (shared strings, no component).</summary>
    private static string ButtonClass(string variant, string color, string size) =>
        ButtonClasses.GetOrAdd((variant, color, size), static k =>
            $"mud-button-root mud-button mud-button-{k.Item1} mud-button-{k.Item1}-{k.Item2} mud-button-{k.Item1}-size-{k.Item3} mud-ripple");

    public void Dispose()
    {
        Assist.Changed -= OnAssistChangedAsync;
        if (State is not null) State.Changed -= OnChanged;
        disposed = true;
        debounce?.Dispose();
        saveTimer?.Dispose();
        if (self is not null)
        {
            _ = Script.UnwatchHistoryAsync();
            self.Dispose();
        }
    }
}
