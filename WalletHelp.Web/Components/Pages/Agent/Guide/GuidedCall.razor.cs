using System.Globalization;
using Microsoft.AspNetCore.Components;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Components.Pages.Diagnose;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Resources;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Web.Components.Pages.Agent.Guide;

/// <summary>
/// A guided call: an agent runs the wizard on a caller's behalf, reading each question aloud from the script. The
/// steps, fields and live findings are the wizard's own components. The answers live only in this component while
/// the call lasts (no session storage, no log): submitting stores the masked diagnosis, with the agent as its
/// creator, and drops them; leaving the page or "end without saving" drops them too.
/// </summary>
public sealed partial class GuidedCall : IDisposable
{
    private CancellationTokenSource? debounce;
    private ServiceSchedule schedule = ServiceSchedule.Empty;
    private string? pendingFocus;
    private bool submitting;
    private bool submitError;
    private int? limitedSeconds;
    private bool tooLong;
    private bool cancelled;
    private DiagnosisView? done;

    [Inject] private IDiagnosisEngine Engine { get; set; } = default!;
    [Inject] private DiagnosisService Diagnoses { get; set; } = default!;
    [Inject] private ServiceStatusService Status { get; set; } = default!;
    [Inject] private WizardScript Script { get; set; } = default!;
    [Inject] private RequesterAccessor Asking { get; set; } = default!;
    [Inject] private AuditActorAccessor Actor { get; set; } = default!;
    [Inject] private ILogger<GuidedCall> Logger { get; set; } = default!;

    /// <summary>The caller's answers while the call lasts; null before a problem is picked and after the result.</summary>
    public WizardState? State { get; private set; }

    private string Phase => done is not null ? "done" : State is null ? "symptom" : "wizard";

    private async Task StartAsync(Symptom symptom)
    {
        Drop();
        cancelled = false;
        State = new WizardState(symptom);
        State.Changed += OnChanged;
        schedule = await Status.GetScheduleAsync(Languages.CurrentIsEnglish);
        Validate();
        pendingFocus = "step-heading";
        await Diagnoses.RecordGuideAsync(AuditActions.GuideStarted, await Actor.CurrentAsync(), symptom.ToCode());
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (pendingFocus is { } target)
        {
            pendingFocus = null;
            await Script.FocusAsync(target);
        }
    }

    private void Validate()
    {
        if (State is null) return;
        // The page re-renders right after (and with it every field): no separate renders of the fields first.
        State.SetFindingsQuietly(Engine.Diagnose(State.Input, schedule).Findings);
    }

    private void OnChanged()
    {
        debounce?.Cancel();
        debounce?.Dispose();
        debounce = new CancellationTokenSource();
        var token = debounce.Token;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await Task.Delay(DiagnoseWizard.DebounceMilliseconds, token);
                Validate();
                StateHasChanged();
            }
            catch (OperationCanceledException)
            {
                // A newer change is on its way.
            }
        });
    }

    private Task GoToAsync(int index)
    {
        State!.TouchStep(State.CurrentStep);
        State.GoTo(index);
        Validate();
        pendingFocus = "step-heading";
        return Task.CompletedTask;
    }

    private Task NextAsync() => GoToAsync(State!.StepIndex + 1);

    private Task BackAsync() => GoToAsync(State!.StepIndex - 1);

    /// <summary>A line of the script picked: its field gets the focus (on its step).</summary>
    private Task GoToFieldAsync(string field)
    {
        if (State is null) return Task.CompletedTask;
        if (State.StepOf(field) is var index and >= 0 && index != State.StepIndex)
        {
            State.TouchStep(State.CurrentStep);
            State.GoTo(index);
            Validate();
        }
        pendingFocus = WizardSteps.ElementId(field) + (field == FieldPaths.BankName ? "-input" : "");
        return Task.CompletedTask;
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
            done = await Diagnoses.RunGuidedAsync(State.Input, Languages.Current, await Asking.CurrentAsync(), await Actor.CurrentAsync());
            // The diagnosis holds the masked answers; the full ones go now.
            Drop();
            pendingFocus = "guide-done-heading";
        }
        catch (WriteLimitExceededException limited)
        {
            limitedSeconds = limited.RetryAfterSeconds;
        }
        catch (InputTooLongException)
        {
            tooLong = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError("Guided call submit failed: {Error}", ex.GetType().Name);
            submitError = true;
        }
        finally
        {
            submitting = false;
        }
    }

    private async Task CancelAsync()
    {
        var symptom = State?.Input.Symptom.ToCode();
        Drop();
        cancelled = true;
        pendingFocus = "guide-symptom-heading";
        await Diagnoses.RecordGuideAsync(AuditActions.GuideCancelled, await Actor.CurrentAsync(), symptom);
    }

    private void Restart()
    {
        done = null;
        cancelled = false;
        pendingFocus = "guide-symptom-heading";
    }

    private static string ZhReference(string reference) =>
        string.Format(CultureInfo.GetCultureInfo("zh-CN"), UiText.Get("Guide.Script.Reference", CultureInfo.GetCultureInfo("zh-CN")), reference);

    private static string EnReference(string reference) =>
        string.Format(CultureInfo.InvariantCulture, UiText.Get("Guide.Script.Reference", CultureInfo.GetCultureInfo("en")), reference);

    /// <summary>Forgets the caller's answers (the state object and the pending validation).</summary>
    private void Drop()
    {
        debounce?.Cancel();
        debounce?.Dispose();
        debounce = null;
        if (State is not null)
        {
            State.Changed -= OnChanged;
            State.Clear();
            State = null;
        }
    }

    public void Dispose() => Drop();
}
