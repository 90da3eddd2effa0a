using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Web.Services.Assist;

/// <summary>
/// Live assist for pages: changes a session in <see cref="IAssistSessions"/>, tells both sides through
/// <see cref="IAssistChannel"/> (full views, so a late joiner or a reconnected circuit needs nothing else) and
/// records what staff did in the audit log against the diagnosis reference when there is one (never a hint's text:
/// hints are scrubbed of ID and card numbers and kept only in the live session).
/// </summary>
public sealed class AssistService(IAssistSessions sessions, IAssistChannel channel, IAuditLog audit,
    Microsoft.Extensions.Options.IOptions<AssistOptions> options)
{
    public IAssistSessions Sessions => sessions;

    /// <summary>A code for the user to read out; ends the browser's previous session.</summary>
    /// <exception cref="AssistRateLimitedException">Too many codes for this browser.</exception>
    public async Task<AssistStart> StartAsync(string owner, AuditActor actor)
    {
        var start = sessions.Start(owner);
        await audit.WriteAsync(actor, AuditActions.AssistStarted, Target(start.SessionId));
        await PublishAsync(start.SessionId);
        return start;
    }

    public async Task<AssistClaim> ClaimAsync(string code, AssistAgent agent, AuditActor actor)
    {
        var claim = sessions.Claim(code, agent);
        if (claim.Status != AssistClaimStatus.Joined)
        {
            await audit.WriteAsync(actor, AuditActions.AssistCodeRejected, detail: claim.Status.ToString());
            return claim;
        }
        await audit.WriteAsync(actor, claim.Role == AssistAgent.Lead ? AuditActions.AssistJoined : AuditActions.AssistWatching,
            Target(claim.SessionId!));
        await PublishAsync(claim.SessionId!);
        return claim;
    }

    /// <summary>A code for a colleague: <see cref="AssistAgent.Lead"/> hands over, <see cref="AssistAgent.Watcher"/> invites to watch.</summary>
    public async Task<AssistInvite?> InviteAsync(string sessionId, AuditActor actor, string role)
    {
        if (actor.UserId is null || sessions.Invite(sessionId, actor.UserId, role) is not { } invite) return null;
        await audit.WriteAsync(actor, role == AssistAgent.Lead ? AuditActions.AssistHandOver : AuditActions.AssistInvited, Target(sessionId));
        return invite;
    }

    /// <summary>
    /// Hands the session to (<see cref="AssistAgent.Lead"/>) or invites to watch (<see cref="AssistAgent.Watcher"/>) a
    /// colleague picked by name: the invitation code goes straight to their open live-assist page (their staff topic).
    /// </summary>
    public async Task<AssistInvite?> InviteColleagueAsync(string sessionId, AuditActor actor, string role, OnlineColleague colleague)
    {
        ArgumentNullException.ThrowIfNull(colleague);
        if (await InviteAsync(sessionId, actor, role) is not { } invite) return null;
        await channel.PublishAsync(AssistTopics.Staff(colleague.UserId),
            new InvitationMessage(sessionId, actor.Name.Split('@')[0], role, invite.Code));
        return invite;
    }

    /// <summary>Invitations sent to this member of staff by name (<see cref="InviteColleagueAsync"/>).</summary>
    public IDisposable SubscribeStaff(string userId, Func<InvitationMessage, Task> onInvitation) =>
        channel.Subscribe(AssistTopics.Staff(userId), m => m is InvitationMessage i && i.Code is not null ? onInvitation(i) : Task.CompletedTask);

    /// <summary>The user's page changed: the masked snapshot goes to the agents.</summary>
    public async Task ShareAsync(string sessionId, AssistSnapshot snapshot)
    {
        var linked = snapshot.Reference is not null && sessions.ReferenceOf(sessionId) is null;
        if (!sessions.SetSnapshot(sessionId, snapshot)) return;
        if (linked)
        {
            // From now on the session's entries name the diagnosis; this one ties the earlier ones to it.
            await audit.WriteAsync(AuditActor.Named("assist"), AuditActions.AssistLinked, snapshot.Reference, $"assist:{Short(sessionId)}");
        }
        await channel.PublishAsync(AssistTopics.Agents(sessionId), new AgentViewMessage(sessions.AgentView(sessionId)!));
    }

    public async Task PresenceAsync(string sessionId, bool connected)
    {
        if (sessions.SetPresence(sessionId, connected)) await PublishAsync(sessionId);
    }

    /// <summary>A hint (and, with <paramref name="field"/>, a pointer at that field); scrubbed and capped. False when not allowed or empty.</summary>
    public async Task<bool> HintAsync(string sessionId, AuditActor actor, string? text, string? field)
    {
        var clean = PersonalDataMasking.ScrubFreeText(text?.Trim()) ?? "";
        if (clean.Length > options.Value.MaxHintLength) clean = clean[..options.Value.MaxHintLength];
        if (actor.UserId is null || (clean.Length == 0 && field is null)) return false;
        if (sessions.AddHint(sessionId, actor.UserId, clean, field) is null) return false;
        await audit.WriteAsync(actor, field is null ? AuditActions.AssistHint : AuditActions.AssistPointed, Target(sessionId), field);
        await PublishAsync(sessionId);
        return true;
    }

    public async Task<bool> SuggestAsync(string sessionId, AuditActor actor, string stepKey)
    {
        if (actor.UserId is null || sessions.Suggest(sessionId, actor.UserId, stepKey) is null) return false;
        await audit.WriteAsync(actor, AuditActions.AssistStepSuggested, Target(sessionId), stepKey);
        await PublishAsync(sessionId);
        return true;
    }

    public async Task LeaveAsync(string sessionId, AuditActor actor)
    {
        if (actor.UserId is null || !sessions.Leave(sessionId, actor.UserId)) return;
        await audit.WriteAsync(actor, AuditActions.AssistLeft, Target(sessionId));
        await PublishAsync(sessionId);
    }

    /// <summary>The user stopped sharing.</summary>
    public async Task EndAsync(string sessionId, AuditActor actor)
    {
        if (!sessions.End(sessionId, InMemoryAssistSessions.EndedByUser)) return;
        await audit.WriteAsync(actor, AuditActions.AssistEnded, Target(sessionId));
        await PublishAsync(sessionId);
    }

    public IDisposable SubscribeAgents(string sessionId, Func<AssistAgentView, Task> onView) =>
        channel.Subscribe(AssistTopics.Agents(sessionId), m => m is AgentViewMessage v ? onView(v.View) : Task.CompletedTask);

    public IDisposable SubscribeUser(string sessionId, Func<AssistUserView, Task> onView) =>
        channel.Subscribe(AssistTopics.User(sessionId), m => m is UserViewMessage v ? onView(v.View) : Task.CompletedTask);

    private async Task PublishAsync(string sessionId)
    {
        if (sessions.AgentView(sessionId) is { } agents) await channel.PublishAsync(AssistTopics.Agents(sessionId), new AgentViewMessage(agents));
        if (sessions.UserView(sessionId) is { } user) await channel.PublishAsync(AssistTopics.User(sessionId), new UserViewMessage(user));
    }

    /// <summary>The audit target: the diagnosis reference once there is one, else the session (first 8 hex digits).</summary>
    private string Target(string sessionId) => sessions.ReferenceOf(sessionId) ?? $"assist:{Short(sessionId)}";

    private static string Short(string sessionId) => sessionId.Length > 8 ? sessionId[..8] : sessionId;
}
