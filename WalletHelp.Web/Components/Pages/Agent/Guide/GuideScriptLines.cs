using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Components.Pages.Diagnose;

namespace WalletHelp.Web.Components.Pages.Agent.Guide;

/// <summary>
/// What the agent reads aloud in a guided call: the step's opening line and one question per field
/// (<c>Guide.Script.Step.{step}</c>, <c>Guide.Script.Field.{field}</c>), and for choice fields the resx keys of the
/// choices, in the order the step component shows them.
/// </summary>
public static class GuideScriptLines
{
    /// <summary>The fields the current step asks, in order (the wallet class is asked on the transaction step when there is no application step).</summary>
    public static IReadOnlyList<string> Fields(WizardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = state.CurrentStep;
        if (step.Key == WizardSteps.Transaction && state.Flow.AsksWalletClass && !state.Flow.Shows(WizardSections.Application))
        {
            return [FieldPaths.WalletClass, .. step.Fields];
        }
        return step.Fields;
    }

    /// <summary>The resx keys of a choice field's options; empty for fields the caller answers in their own words.</summary>
    public static IReadOnlyList<string> OptionKeys(string field) => field switch
    {
        FieldPaths.Gender => ["Wizard.Gender.male", "Wizard.Gender.female"],
        FieldPaths.PhoneIsOwnRealName or FieldPaths.RecentlyChangedIdentity or FieldPaths.AccountFrozen => ["Wizard.Yes", "Wizard.No"],
        FieldPaths.CardType => ["Wizard.CardType.DC", "Wizard.CardType.CC"],
        FieldPaths.CardStatus => [.. Enum.GetValues<CardStatus>().Select(s => $"Wizard.CardStatus.{Codes.ToKebab(s)}")],
        FieldPaths.AccountClass => ["Wizard.AccountClass.1", "Wizard.AccountClass.2", "Wizard.AccountClass.3"],
        FieldPaths.WalletClass => ["Wizard.WalletClass.1", "Wizard.WalletClass.2", "Wizard.WalletClass.3", "Wizard.WalletClass.4"],
        FieldPaths.IdentityStatus => [.. Enum.GetValues<IdentityStatus>().Select(s => $"Wizard.IdentityStatus.{Codes.ToKebab(s)}")],
        FieldPaths.NetworkCheck => [.. Enum.GetValues<NetworkCheck>().Select(c => $"Guide.Network.{Codes.ToKebab(c)}")],
        FieldPaths.TransactionKind => ["Wizard.TxKind.payment", "Wizard.TxKind.top-up"],
        _ => [],
    };

    /// <summary>"personal.idNumber" → "personal-idNumber" (test ids and element ids).</summary>
    public static string Slug(string field) => field.Replace('.', '-');
}

/// <summary>A reference code character by character, as read out on the phone.</summary>
public static class ReadOut
{
    private static readonly string[] Nato =
    [
        "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike",
        "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-ray", "Yankee", "Zulu",
    ];

    /// <summary>
    /// The groups of a reference ("WH-7K3M-Q2P9" → WH, 7K3M, Q2P9), each character with how to say it: a letter by its
    /// spelling word, a digit by <paramref name="digitWords"/> (ten words, 0–9, in the page language).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(char Char, string Say)>> Groups(string reference, IReadOnlyList<string> digitWords)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(digitWords);
        return [.. reference.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(group =>
            (IReadOnlyList<(char, string)>)[.. group.Select(c => (c,
                char.IsAsciiDigit(c) && digitWords.Count == 10 ? digitWords[c - '0']
                : char.IsAsciiLetterUpper(c) ? Nato[c - 'A']
                : c.ToString()))])];
    }
}
