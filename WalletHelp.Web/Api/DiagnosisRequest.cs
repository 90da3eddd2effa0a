using System.Globalization;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Api;

/// <summary>The body of <c>POST /api/v1/diagnoses</c> (API.md). Enum-like fields are strings, checked strictly.</summary>
public sealed class DiagnosisRequest
{
    public string? Symptom { get; set; }
    public string? Language { get; set; }
    public int? WalletClass { get; set; }
    public PersonalRequest? Personal { get; set; }
    public BankRequest? Bank { get; set; }
    public ApplicationRequest? Application { get; set; }
    public TransactionRequest? Transaction { get; set; }
}

public sealed class PersonalRequest
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Gender { get; set; }
    /// <summary>A date (yyyy-MM-dd) or "long-term".</summary>
    public string? IdExpiry { get; set; }
    public bool? PhoneIsOwnRealName { get; set; }
    public bool? RecentlyChangedIdentity { get; set; }

    internal PersonalInput ToInput(RequestErrors errors)
    {
        errors.Text(Name, FieldPaths.Name);
        errors.Text(IdNumber, FieldPaths.IdNumber);
        errors.Text(Phone, FieldPaths.Phone);
        DateOnly? expiry = null;
        var longTerm = false;
        if (IdExpiry?.Trim() is { } rawExpiry)
        {
            if (string.Equals(rawExpiry, "long-term", StringComparison.OrdinalIgnoreCase))
            {
                longTerm = true;
            }
            else if (DateOnly.TryParseExact(rawExpiry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                expiry = d;
            }
            else
            {
                errors.Add(FieldPaths.IdExpiry, "idExpiry must be a date (yyyy-MM-dd) or \"long-term\".");
            }
        }
        return new PersonalInput
        {
            Name = Name,
            IdNumber = IdNumber,
            Phone = Phone,
            BirthDate = BirthDate,
            Gender = errors.Enum<Gender>(Gender, FieldPaths.Gender),
            IdExpiry = expiry,
            IdLongTerm = longTerm,
            PhoneIsOwnRealName = PhoneIsOwnRealName,
            RecentlyChangedIdentity = RecentlyChangedIdentity,
        };
    }
}

public sealed class BankRequest
{
    public string? CardNumber { get; set; }
    public string? BankName { get; set; }
    public string? CardType { get; set; }
    public string? HolderName { get; set; }
    public string? ReservedPhone { get; set; }
    public string? Branch { get; set; }
    public string? CardStatus { get; set; }
    public int? AccountClass { get; set; }

    internal BankInput ToInput(RequestErrors errors)
    {
        errors.Text(CardNumber, FieldPaths.CardNumber);
        errors.Text(BankName, FieldPaths.BankName);
        errors.Text(HolderName, FieldPaths.HolderName);
        errors.Text(ReservedPhone, FieldPaths.ReservedPhone);
        errors.Text(Branch, FieldPaths.Branch);
        if (AccountClass is < 1 or > 3)
        {
            errors.Add(FieldPaths.AccountClass, "accountClass must be 1, 2 or 3.");
        }
        return new BankInput
        {
            CardNumber = CardNumber,
            BankName = BankName,
            CardType = errors.Enum<CardType>(CardType, FieldPaths.CardType),
            HolderName = HolderName,
            ReservedPhone = ReservedPhone,
            Branch = Branch,
            CardStatus = errors.Enum<CardStatus>(CardStatus, FieldPaths.CardStatus),
            AccountClass = AccountClass,
        };
    }
}

public sealed class ApplicationRequest
{
    public int? AttemptsLast24h { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? RejectionMessage { get; set; }
    public string? NetworkCheck { get; set; }
    public string? IdentityStatus { get; set; }
    public bool? AccountFrozen { get; set; }

    internal ApplicationInput ToInput(RequestErrors errors)
    {
        errors.Text(RejectionMessage, FieldPaths.RejectionMessage, InputLimits.MaxRejectionMessage);
        if (AttemptsLast24h is < 0 or > 1000)
        {
            errors.Add(FieldPaths.Attempts, "attemptsLast24h must be between 0 and 1000.");
        }
        return new ApplicationInput
        {
            AttemptsLast24h = AttemptsLast24h,
            LastAttemptAt = LastAttemptAt,
            RejectionMessage = RejectionMessage,
            NetworkCheck = errors.Enum<NetworkCheck>(NetworkCheck, FieldPaths.NetworkCheck),
            IdentityStatus = errors.Enum<IdentityStatus>(IdentityStatus, FieldPaths.IdentityStatus),
            AccountFrozen = AccountFrozen,
        };
    }
}

public sealed class TransactionRequest
{
    public string? Kind { get; set; }
    public decimal? Amount { get; set; }
    public decimal? TodayTotal { get; set; }
    public decimal? Balance { get; set; }

    internal TransactionInput ToInput(RequestErrors errors)
    {
        errors.Amount(Amount, FieldPaths.Amount);
        errors.Amount(TodayTotal, FieldPaths.TodayTotal);
        errors.Amount(Balance, FieldPaths.Balance);
        return new TransactionInput
        {
            Kind = errors.Enum<TransactionKind>(Kind, FieldPaths.TransactionKind),
            Amount = Amount,
            TodayTotal = TodayTotal,
            Balance = Balance,
        };
    }
}

/// <summary>Checks a request and maps it to the Core input; every problem is named by its JSON path.</summary>
public static class DiagnosisRequestValidator
{
    public const int MaxText = InputLimits.MaxText;
    public const int MaxRejectionMessage = InputLimits.MaxRejectionMessage;

    public static bool TryMap(DiagnosisRequest request, out DiagnosisInput input, out string language, out Dictionary<string, string[]> errors)
    {
        var e = new RequestErrors();
        input = null!;
        language = Languages.Chinese;
        if (string.IsNullOrWhiteSpace(request.Symptom))
        {
            e.Add("symptom", "symptom is required.");
        }
        else if (!Codes.TryParseSymptom(request.Symptom, out _))
        {
            e.Add("symptom", $"Unknown symptom. Use one of: {string.Join(", ", Codes.AllSymptoms.Select(s => s.ToCode()))}.");
        }
        if (request.Language is Languages.Chinese or Languages.English)
        {
            language = request.Language;
        }
        else if (request.Language is not null)
        {
            e.Add("language", "language must be zh-CN or en.");
        }
        if (request.WalletClass is < 1 or > 4)
        {
            e.Add(FieldPaths.WalletClass, "walletClass must be 1, 2, 3 or 4.");
        }

        // Each section checks and maps itself; all problems are collected before answering.
        var personal = request.Personal?.ToInput(e);
        var bank = request.Bank?.ToInput(e);
        var application = request.Application?.ToInput(e);
        var transaction = request.Transaction?.ToInput(e);

        errors = e.Errors;
        if (e.Errors.Count > 0)
        {
            return false;
        }
        Codes.TryParseSymptom(request.Symptom, out var symptom);
        input = new DiagnosisInput
        {
            Symptom = symptom,
            WalletClass = request.WalletClass,
            Personal = personal,
            Bank = bank,
            Application = application,
            Transaction = transaction,
        };
        return true;
    }
}

/// <summary>The problems of one request, keyed by JSON path, with the checks the sections share.</summary>
internal sealed class RequestErrors
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public void Add(string field, string message) => Errors[field] = [message];

    public void Text(string? value, string field, int max = InputLimits.MaxText)
    {
        if (value is { Length: var n } && n > max)
        {
            Add(field, $"{field} must be at most {max} characters.");
        }
    }

    public void Amount(decimal? value, string field)
    {
        if (value is < 0 or > 100_000_000_000m)
        {
            Add(field, $"{field} must be between 0 and 100,000,000,000.");
        }
    }

    /// <summary>A kebab-case enum value, or null; an unknown value is an error listing the known ones.</summary>
    public TEnum? Enum<TEnum>(string? value, string field) where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }
        if (Codes.TryParseKebab<TEnum>(value, out var parsed))
        {
            return parsed;
        }
        Add(field, $"Unknown value. Use one of: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => Codes.ToKebab(v)))}.");
        return null;
    }
}
