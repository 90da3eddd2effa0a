namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// What the engine needs of a rule: its code, the topic that decides whether it runs, and the check. Catalogue rules
/// derive from <see cref="Rule"/>, which adds their metadata; this interface stays small for test doubles.
/// Rules are stateless and never throw for bad input: bad input is a finding.
/// </summary>
public interface IRule
{
    /// <summary>The stable catalogue code (docs/rules.md).</summary>
    string Code { get; }

    /// <summary>The rule group; the rule runs when the symptom's <see cref="SymptomFlow.Topics"/> include it.</summary>
    RuleTopics Topic { get; }

    /// <summary>Adds zero or more findings.</summary>
    void Evaluate(RuleContext context, ICollection<Finding> findings);
}

/// <summary>
/// A rule that makes the person wait (outcome <see cref="Outcome.Wait"/>) when its blocking finding is present,
/// and says until when.
/// </summary>
public interface IWaitReason
{
    /// <summary>When the person may retry, or null when this rule cannot say.</summary>
    DateTimeOffset? RetryAfter(RuleContext context);
}

/// <summary>
/// One catalogue rule: one sealed class per code, whose constructor call declares everything about it. A new rule is
/// one class deriving from this (found by <see cref="RuleCatalog"/> at start) plus its texts in
/// <c>FindingTexts*.resx</c> and a line in docs/rules.md.
/// </summary>
/// <param name="code">The stable catalogue code.</param>
/// <param name="topic">When it runs (see <see cref="SymptomFlow"/>).</param>
/// <param name="severity">The severity of every finding it adds.</param>
/// <param name="order">
/// Run order, lowest first: personal 1000s → bank 2000s → transaction/account 3000s → application 4000s, with
/// AP-PREREQ after every PI/BK rule and AP-READY last (it looks at everything before it).
/// </param>
/// <param name="selfService">False when only the operator, bank or customer service can fix it.</param>
/// <param name="faq">Related FAQ article slugs (<see cref="FaqSlugs"/>); null takes the topic's default.</param>
public abstract class Rule(
    string code,
    RuleTopics topic,
    Severity severity,
    int order,
    bool selfService = true,
    IReadOnlyList<string>? faq = null) : IRule
{
    public string Code { get; } = code;

    public RuleTopics Topic { get; } = topic;

    public Severity Severity { get; } = severity;

    public int Order { get; } = order;

    public bool SelfService { get; } = selfService;

    /// <summary>Related FAQ article slugs, most relevant first (the FAQ seed creates them).</summary>
    public IReadOnlyList<string> Faq { get; } = faq ?? FaqSlugs.DefaultFor(code);

    /// <summary>True when a blocking finding of this rule means "wait", see <see cref="IWaitReason"/>.</summary>
    public bool IsWaitReason => this is IWaitReason;

    public abstract void Evaluate(RuleContext context, ICollection<Finding> findings);

    /// <summary>A finding of this rule, with its code, severity and self-service flag.</summary>
    protected Finding NewFinding(string? field, IReadOnlyDictionary<string, string>? args = null) =>
        new(Code, Severity, field, SelfService, args);
}

/// <summary>Slugs of the seeded FAQ articles that rules point to.</summary>
public static class FaqSlugs
{
    public const string Personal = "personal-information";
    public const string CheckDigit = "id-number-check-digit";
    public const string ReservedPhone = "bank-reserved-phone";
    public const string Card = "card-binding";
    public const string Retry = "maintenance-and-retry";
    public const string Risk = "risk-review-documents";
    public const string Classes = "wallet-classes-limits";
    public const string Network = "network-problems";
    public const string Identity = "identity-verification";
    public const string Support = "contact-customer-service";
    public const string Opening = "opening-time";
    public const string Security = "wallet-security";

    /// <summary>The default for a rule that names none: by code prefix.</summary>
    public static IReadOnlyList<string> DefaultFor(string code) => code switch
    {
        _ when code.StartsWith("PI-", StringComparison.Ordinal) => [Personal],
        _ when code.StartsWith("BK-", StringComparison.Ordinal) => [Card],
        _ when code.StartsWith("TX-", StringComparison.Ordinal) => [Classes],
        _ => [Support],
    };
}
