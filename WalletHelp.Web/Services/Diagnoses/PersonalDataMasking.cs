using WalletHelp.Core;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>
/// Turns an input into the masked form that may be stored and shown to agents. Numbers are canonicalised
/// first (spaces, dashes, full-width digits), so "6228 4804 …" and "6228480…" mask and hash alike; free text is
/// scrubbed of anything that looks like an ID or card number, in case someone pasted one there.
/// </summary>
public static class PersonalDataMasking
{
    /// <summary>The rules' own number normalisation (trim, no spaces or dashes, ASCII), with X upper-cased: the form that is hashed.</summary>
    public static string? Canonical(string? number)
    {
        var normalized = InputNormalizer.NormalizeNumber(number, out _);
        return normalized.Length == 0 ? null : normalized.ToUpperInvariant();
    }

    public static string? MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var trimmed = ScrubFreeText(name.Trim())!;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(trimmed);
        elements.MoveNext();
        var first = (string)elements.Current;
        var rest = 0;
        while (elements.MoveNext())
        {
            rest++;
        }
        return first + new string('*', Math.Min(Math.Max(rest, 1), 8));
    }

    /// <summary>Core's one scrubber (<see cref="WalletHelp.Core.Privacy.PersonalNumberScrubber"/>): ID and card numbers in free text are masked.</summary>
    public static string? ScrubFreeText(string? text) => WalletHelp.Core.Privacy.PersonalNumberScrubber.Scrub(text);

    public static object Mask(DiagnosisInput input) => new
    {
        symptom = input.Symptom.ToCode(),
        walletClass = input.WalletClass,
        personal = input.Personal is not { } p ? null : new
        {
            name = MaskName(p.Name),
            idNumber = Masking.MaskIdNumber(Canonical(p.IdNumber) ?? ""),
            phone = Masking.MaskPhone(Canonical(p.Phone) ?? ""),
            birthDate = p.BirthDate,
            gender = p.Gender is { } g ? Codes.ToKebab(g) : null,
            idExpiry = p.IdLongTerm ? "long-term" : p.IdExpiry?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            phoneIsOwnRealName = p.PhoneIsOwnRealName,
            recentlyChangedIdentity = p.RecentlyChangedIdentity,
        },
        bank = input.Bank is not { } b ? null : new
        {
            cardNumber = Masking.MaskCardNumber(Canonical(b.CardNumber) ?? ""),
            bankName = ScrubFreeText(b.BankName),
            cardType = b.CardType is { } t ? Codes.ToKebab(t) : null,
            holderName = MaskName(b.HolderName),
            reservedPhone = Masking.MaskPhone(Canonical(b.ReservedPhone) ?? ""),
            branch = ScrubFreeText(b.Branch),
            cardStatus = b.CardStatus is { } s ? Codes.ToKebab(s) : null,
            accountClass = b.AccountClass,
        },
        application = input.Application is not { } a ? null : new
        {
            attemptsLast24h = a.AttemptsLast24h,
            lastAttemptAt = a.LastAttemptAt,
            rejectionMessage = ScrubFreeText(a.RejectionMessage),
            networkCheck = a.NetworkCheck is { } n ? Codes.ToKebab(n) : null,
            identityStatus = a.IdentityStatus is { } i ? Codes.ToKebab(i) : null,
            accountFrozen = a.AccountFrozen,
        },
        transaction = input.Transaction is not { } x ? null : new
        {
            kind = x.Kind is { } k ? Codes.ToKebab(k) : null,
            amount = x.Amount,
            todayTotal = x.TodayTotal,
            balance = x.Balance,
        },
    };
}
