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
/// The wizard for one symptom. Every change re-runs the Core rules on the partial input (debounced) so problems show on
/// the field while the person types, and saves the answers to the browser's encrypted session storage so a refresh or a
/// lost circuit loses nothing. Submitting stores the masked diagnosis and opens its result page.
/// </summary>
public sealed partial class DiagnoseWizard : IDisposable
{
    private CancellationTokenSource? debounce;
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

    /// <summary>How long typing must pause before the rules run (and the answers are saved).</summary>
    public static int DebounceMilliseconds { get; set; } = 300;

    [Parameter] public string SymptomCode { get; set; } = "";

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
    [Inject] private CircuitUser CircuitUser { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<DiagnoseWizard> Logger { get; set; } = default!;
    [Inject] private AssistUserSession Assist { get; set; } = default!;
    [Inject] private WalletHelp.Web.Services.Analytics.WizardFunnelRecorder Funnel { get; set; } = default!;

    public WizardState? State { get; private set; }

    private string SymptomTitle => State is null ? L["Wizard.UnknownSymptom"] : L[$"Triage.Symptom.{SymptomCode}.Title"];

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
            // The address names the step shown (replacing, not adding, a history entry).
            SyncAddress(replace: true);
            Assist.Changed += OnAssistChangedAsync;
            await Assist.UseSource(() => State is null ? null : WizardAssist.Snapshot(State));
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
        StateHasChanged();
    });

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

    private void Validate()
    {
        if (State is null) return;
        State.Findings = Engine.Diagnose(State.Input, schedule).Findings;
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
        debounce?.Cancel();
        debounce?.Dispose();
        debounce = new CancellationTokenSource();
        var token = debounce.Token;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await Task.Delay(DebounceMilliseconds, token);
                Validate();
                StateHasChanged();
                await SaveAsync();
                StateHasChanged();
            }
            catch (OperationCanceledException)
            {
                // A newer change is on its way.
            }
        });
    }

    private async Task SaveAsync()
    {
        if (State is null || !restored) return;
        try
        {
            await Store.SaveAsync(State.ToSnapshot());
            saves++;
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
        await SaveAsync();
        SyncAddress(replace: false);
    }

    /// <summary>Puts the current step into the address (a new history entry unless <paramref name="replace"/>).</summary>
    private void SyncAddress(bool replace)
    {
        if (State is null) return;
        var step = State.StepIndex + 1;
        if (Step == step && Edit is null) return;
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["step"] = step, ["edit"] = null });
        Navigation.NavigateTo(uri, new NavigationOptions { ReplaceHistoryEntry = replace });
    }

    private Task NextAsync() => GoToAsync(State!.StepIndex + 1);

    private Task BackAsync() => GoToAsync(State!.StepIndex - 1);

    private async Task StartOverAsync()
    {
        State!.Clear();
        try
        {
            await Store.ClearAsync(State.Input.Symptom);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException)
        {
            Logger.LogDebug("Saved wizard answers not cleared: {Error}", ex.GetType().Name);
        }
        pendingFocus = "step-heading";
        SyncAddress(replace: false);
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
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            var requester = new Requester(userId, CircuitUser.BrowserId, IsStaff: false, Client: WalletHelp.Web.Infrastructure.Security.WriteLimits.ClientKey(CircuitUser));
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

    public void Dispose()
    {
        Assist.Changed -= OnAssistChangedAsync;
        if (State is not null) State.Changed -= OnChanged;
        debounce?.Cancel();
        debounce?.Dispose();
    }
}
