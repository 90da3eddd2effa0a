using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Core.Rules.Personal;

/// <summary>
/// PI-ID-BIRTHDATE: Digits 7–14 are not a real date, are in the future, or are before 1900-01-01. The finding says
/// which part is wrong (<c>problem</c>: month, day, year or future), never the digits: with the masked form
/// (first 6, last 4) they would give away the whole number.
/// </summary>
public sealed class IdBirthDateRule() : Rule("PI-ID-BIRTHDATE", RuleTopics.Id, Severity.Blocking, order: 1130)
{
    public override void Evaluate(RuleContext context, ICollection<Finding> findings)
    {
        if (context.Id.IsWellFormed && context.Id.BirthDate is null)
            findings.Add(NewFinding(FieldPaths.IdNumber, RuleArgs.Of("problem", Problem(context.Input.IdNumber, context.Today))));
    }

    /// <summary><c>id-birth-month</c>, <c>id-birth-day</c>, <c>id-birth-year</c> (before 1900) or <c>id-birth-future</c>.</summary>
    internal static string Problem(string id, DateOnly today)
    {
        var year = int.Parse(id.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(id.AsSpan(10, 2), System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(id.AsSpan(12, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return "id-birth-month";
        if (year < 1900) return "id-birth-year";
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return "id-birth-day";
        return "id-birth-future";
    }
}
