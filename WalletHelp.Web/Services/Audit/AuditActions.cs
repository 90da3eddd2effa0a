namespace WalletHelp.Web.Services.Audit;

/// <summary>
/// The action codes of the audit log (<c>area.verb</c>, lower-case). Filters match on a prefix, so
/// <c>faq</c> finds every FAQ action. Add new codes here (and their labels as <c>Audit.Action.{code}</c>).
/// </summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignInTwoFactorFailed = "sign-in.two-factor-failed";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorRecoveryCodesGenerated = "two-factor.recovery-codes";
    public const string PasswordResetByCommand = "password.reset-by-command";
    public const string PasswordResetByEmail = "password.reset-by-email";
    public const string AccountRegistered = "account.registered";

    public const string CaseOpened = "case.opened";
    public const string CaseNoteAdded = "case.note-added";
    public const string CaseStatusChanged = "case.status-changed";
    public const string CaseAssigned = "case.assigned";

    public const string AssistStarted = "assist.started";
    public const string AssistJoined = "assist.joined";
    public const string AssistWatching = "assist.watching";
    public const string AssistCodeRejected = "assist.code-rejected";
    public const string AssistHint = "assist.hint";
    public const string AssistPointed = "assist.pointed";
    public const string AssistStepSuggested = "assist.step-suggested";
    public const string AssistInvited = "assist.invited";
    public const string AssistHandOver = "assist.hand-over";
    public const string AssistLeft = "assist.left";
    public const string AssistEnded = "assist.ended";
    public const string AssistLinked = "assist.linked";

    public const string GuideStarted = "guide.started";
    public const string GuideCompleted = "guide.completed";
    public const string GuideCancelled = "guide.cancelled";

    public const string FaqSaved = "faq.saved";
    public const string FaqPublished = "faq.published";
    public const string FaqUnpublished = "faq.unpublished";
    public const string FaqRestored = "faq.restored";
    public const string FaqDeleted = "faq.deleted";

    public const string MaintenanceScheduled = "maintenance.scheduled";
    public const string MaintenanceDeleted = "maintenance.deleted";
    public const string IncidentReported = "incident.reported";
    public const string IncidentResolved = "incident.resolved";
    public const string IncidentDeleted = "incident.deleted";

    public const string RoleGranted = "role.granted";
    public const string RoleRevoked = "role.revoked";
    public const string UserChanged = "user.changed";
    public const string RulesChanged = "rules.changed";
    public const string BinsImported = "bins.imported";
    public const string BinsRolledBack = "bins.rolled-back";
    public const string ExportCreated = "export.created";

}
