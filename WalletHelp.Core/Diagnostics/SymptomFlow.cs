namespace WalletHelp.Core.Diagnostics;

/// <summary>The wizard sections a symptom asks for.</summary>
[Flags]
public enum WizardSections
{
    None = 0,
    Personal = 1,
    Bank = 2,
    /// <summary>The "retry application" wizard: attempts, rejection message, network check, identity status.</summary>
    Application = 4,
    Transaction = 8,
}

/// <summary>Groups of rules; a symptom's flow decides which groups run.</summary>
[Flags]
public enum RuleTopics
{
    None = 0,
    /// <summary>PI-NAME-*.</summary>
    Name = 1 << 0,
    /// <summary>PI-ID-*, PI-BIRTH-MISMATCH, PI-GENDER-MISMATCH.</summary>
    Id = 1 << 1,
    /// <summary>PI-PHONE-*.</summary>
    Phone = 1 << 2,
    /// <summary>PI-INFO-CHANGED.</summary>
    IdentityChange = 1 << 3,
    /// <summary>BK-*.</summary>
    Bank = 1 << 4,
    /// <summary>AP-MAINTENANCE, AP-MAINTENANCE-SOON, AP-INCIDENT, AP-PEAK, AP-NETWORK.</summary>
    Service = 1 << 5,
    /// <summary>AP-COOLDOWN.</summary>
    Retry = 1 << 6,
    /// <summary>AP-PREREQ, AP-RISK-HOLD, AP-DUPLICATE, AP-POLICY, AP-CLASS-PREREQ.</summary>
    Review = 1 << 7,
    /// <summary>AP-READY.</summary>
    Ready = 1 << 8,
    /// <summary>TX-LIMIT-*.</summary>
    Transaction = 1 << 9,
    /// <summary>SY-IDENTITY-UNVERIFIED.</summary>
    IdentityStatus = 1 << 10,
    /// <summary>SY-FROZEN.</summary>
    Frozen = 1 << 11,

    Personal = Name | Id | Phone | IdentityChange,
}

/// <summary>
/// What triage needs for one symptom: the wizard sections to show, whether to ask for the wallet class,
/// and the rule groups that run. The web wizard and the engine use the same table.
/// </summary>
/// <param name="Symptom">The symptom.</param>
/// <param name="Sections">Wizard sections to show, in order Personal → Bank → Application → Transaction.</param>
/// <param name="AsksWalletClass">Whether the wizard asks for the wallet class (1–4).</param>
/// <param name="Topics">Rule groups that run. Within the Personal section only the fields of these topics are needed
/// (e.g. <c>cannot-log-in</c> only needs the phone).</param>
public sealed record SymptomFlow(Symptom Symptom, WizardSections Sections, bool AsksWalletClass, RuleTopics Topics)
{
    private static readonly SymptomFlow[] Table = Build();

    /// <summary>All flows, in <see cref="Symptom"/> order.</summary>
    public static IReadOnlyList<SymptomFlow> All => Table;

    /// <summary>The flow for a symptom.</summary>
    public static SymptomFlow For(Symptom symptom) =>
        (uint)symptom < (uint)Table.Length ? Table[(int)symptom] : Table[0];

    public bool Shows(WizardSections section) => (Sections & section) == section;

    public bool Runs(RuleTopics topic) => (Topics & topic) != 0;

    private static SymptomFlow[] Build()
    {
        const RuleTopics application = RuleTopics.Service | RuleTopics.Retry | RuleTopics.Review | RuleTopics.Ready;
        var all = new[]
        {
            new SymptomFlow(Symptom.ApplicationRejected, WizardSections.Personal | WizardSections.Bank | WizardSections.Application,
                true, RuleTopics.Personal | RuleTopics.Bank | application),
            new SymptomFlow(Symptom.IdentityVerificationFailed, WizardSections.Personal | WizardSections.Bank | WizardSections.Application,
                true, RuleTopics.Personal | RuleTopics.Bank | application),
            new SymptomFlow(Symptom.CannotLogIn, WizardSections.Personal | WizardSections.Application,
                false, RuleTopics.Phone | RuleTopics.Service | RuleTopics.Retry | RuleTopics.Frozen | RuleTopics.Ready),
            new SymptomFlow(Symptom.TransactionFailed, WizardSections.Application | WizardSections.Transaction,
                true, RuleTopics.Transaction | RuleTopics.IdentityStatus | RuleTopics.Frozen | RuleTopics.Service),
            new SymptomFlow(Symptom.BalanceQueryFailed, WizardSections.Personal | WizardSections.Application,
                false, RuleTopics.Personal | RuleTopics.IdentityStatus | RuleTopics.Frozen | RuleTopics.Service),
            new SymptomFlow(Symptom.TryAgainLater, WizardSections.Application,
                false, RuleTopics.Service | RuleTopics.Retry | RuleTopics.Ready),
            new SymptomFlow(Symptom.SystemMaintenance, WizardSections.Application,
                false, RuleTopics.Service | RuleTopics.Retry | RuleTopics.Ready),
            new SymptomFlow(Symptom.AccountFrozen, WizardSections.Personal | WizardSections.Application,
                false, RuleTopics.Personal | RuleTopics.Frozen),
        };
        var table = new SymptomFlow[all.Length];
        foreach (var flow in all) table[(int)flow.Symptom] = flow;
        return table;
    }
}
