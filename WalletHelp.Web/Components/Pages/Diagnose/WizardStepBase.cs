using Microsoft.AspNetCore.Components;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>
/// A wizard step (or a group of its questions). Its fields' answers come back through callbacks whose receiver is the
/// step, and Blazor re-renders an event's receiver after every event: that re-rendered the whole step — every field —
/// on each keystroke. Here an event does not re-render the step by itself; the field that handled the keystroke
/// re-renders (it is the event's target), findings re-render where they changed (<see cref="WizardState.FindingsChanged"/>),
/// and a step whose own markup depends on an answer (the card's bank, "same as above") calls
/// <see cref="ComponentBase.StateHasChanged"/> itself.
/// </summary>
public abstract class WizardStepBase : ComponentBase, IHandleEvent
{
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem item, object? arg) => item.InvokeAsync(arg);
}
