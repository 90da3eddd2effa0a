using System.Text.Json.Serialization;

namespace WalletHelp.Web.Services.Assist;

// Everything that crosses between a user's circuit and an agent's circuit is one of these records: plain values,
// serialised to JSON on every publish (see InProcessAssistChannel), so a Redis pub/sub channel can carry them
// unchanged and no object is ever shared between two circuits. Masked values only: the user's side builds
// AssistSnapshot from masked forms before anything leaves its circuit.

/// <summary>A message on an <see cref="IAssistChannel"/> topic.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AgentViewMessage), "agent-view")]
[JsonDerivedType(typeof(UserViewMessage), "user-view")]
[JsonDerivedType(typeof(InvitationMessage), "invitation")]
public abstract record AssistMessage;

/// <summary>To every agent in a session: the whole current state (a late joiner needs nothing else).</summary>
public sealed record AgentViewMessage(AssistAgentView View) : AssistMessage;

/// <summary>To the user's circuit(s): who is connected, the hints, the field pointed at, the step suggested.</summary>
public sealed record UserViewMessage(AssistUserView View) : AssistMessage;

/// <summary>To one member of staff: a colleague invited them (kept for a future per-person inbox).</summary>
public sealed record InvitationMessage(string SessionId, string From, string Role, string? Code = null) : AssistMessage;

/// <summary>What the user's page shows, built on the user's server from masked values (never a full number).</summary>
public sealed record AssistSnapshot(
    string Symptom,
    string Page,
    string? StepKey,
    int StepNumber,
    int StepCount,
    IReadOnlyList<AssistStep> Steps,
    IReadOnlyList<AssistField> Fields,
    IReadOnlyList<AssistFinding> Findings,
    string? Reference = null,
    string? Outcome = null)
{
    public const string WizardPage = "wizard";
    public const string ResultPage = "result";
}

/// <summary>One wizard step and the fields (JSON paths) on it.</summary>
public sealed record AssistStep(string Key, IReadOnlyList<string> Fields);

/// <summary>An answered field: its path and masked value (a JSON literal's text: "true", "2", a masked number, a code).</summary>
public sealed record AssistField(string Path, string Kind, string Value);

/// <summary>A finding as the rules produced it (language-neutral; args scrubbed), localized by whoever shows it.</summary>
public sealed record AssistFinding(string Code, string Severity, string? Field, IReadOnlyDictionary<string, string>? Args);

/// <summary>A member of staff in a session.</summary>
public sealed record AssistAgent(string UserId, string Name, string Role)
{
    public const string Lead = "lead";
    public const string Watcher = "watcher";
}

/// <summary>The user's presence as the agents see it.</summary>
public enum AssistPresence
{
    Waiting,
    Connected,
    Disconnected,
    Ended,
}

/// <summary>One step the user visited (the agent's timeline).</summary>
public sealed record AssistTimelineEntry(DateTimeOffset At, string Page, string? StepKey);

/// <summary>A hint an agent sent (scrubbed of personal numbers), optionally at a field.</summary>
public sealed record AssistHint(int Id, DateTimeOffset At, string From, string Text, string? Field);

/// <summary>The step an agent suggested.</summary>
public sealed record AssistSuggestion(int Id, DateTimeOffset At, string From, string StepKey);

/// <summary>The agents' view of a session.</summary>
public sealed record AssistAgentView(
    string SessionId,
    AssistPresence Presence,
    string? EndReason,
    IReadOnlyList<AssistAgent> Agents,
    AssistSnapshot? Snapshot,
    IReadOnlyList<AssistTimelineEntry> Timeline,
    IReadOnlyList<AssistHint> Hints,
    AssistSuggestion? Suggestion,
    string? Reference,
    long Version);

/// <summary>The user's view of a session.</summary>
public sealed record AssistUserView(
    string SessionId,
    string? Code,
    DateTimeOffset CodeExpiresAt,
    bool Ended,
    IReadOnlyList<string> Agents,
    IReadOnlyList<AssistHint> Hints,
    AssistHint? Pointer,
    AssistSuggestion? Suggestion,
    long Version);
