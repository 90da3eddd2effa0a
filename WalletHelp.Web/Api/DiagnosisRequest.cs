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
}

public sealed class ApplicationRequest
{
    public int? AttemptsLast24h { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? RejectionMessage { get; set; }
    public string? NetworkCheck { get; set; }
    public string? IdentityStatus { get; set; }
    public bool? AccountFrozen { get; set; }
}

public sealed class TransactionRequest
{
    public string? Kind { get; set; }
    public decimal? Amount { get; set; }
    public decimal? TodayTotal { get; set; }
    public decimal? Balance { get; set; }
}

/// <summary>Checks a request and maps it to the Core input; every problem is named by its JSON path.</summary>
public static class DiagnosisRequestValidator
{
    public const int MaxText = InputLimits.MaxText;
    public const int MaxRejectionMessage = InputLimits.MaxRejectionMessage;

    public static bool TryMap(DiagnosisRequest request, out DiagnosisInput input, out string language, out Dictionary<string, string[]> errors)
    {
        var e = new Dictionary<string, string[]>();
        void Add(string field, string message) => e[field] = [message];

        input = null!;
        language = "zh-CN";
        if (string.IsNullOrWhiteSpace(request.Symptom))
        {
            Add("symptom", "symptom is required.");
        }
        else if (!Codes.TryParseSymptom(request.Symptom, out _))
        {
            Add("symptom", $"Unknown symptom. Use one of: {string.Join(", ", Codes.AllSymptoms.Select(s => s.ToCode()))}.");
        }

        if (request.Language is not null)
        {
            if (request.Language is Languages.Chinese or Languages.English)
            {
                language = request.Language;
            }
            else
            {
                Add("language", "language must be zh-CN or en.");
            }
        }
        if (request.WalletClass is < 1 or > 4)
        {
            Add(FieldPaths.WalletClass, "walletClass must be 1, 2, 3 or 4.");
        }

        PersonalInput? personal = null;
        if (request.Personal is { } p)
        {
            Text(p.Name, FieldPaths.Name);
            Text(p.IdNumber, FieldPaths.IdNumber);
            Text(p.Phone, FieldPaths.Phone);
            var gender = Enum<Gender>(p.Gender, FieldPaths.Gender);
            DateOnly? expiry = null;
            var longTerm = false;
            if (p.IdExpiry is { } rawExpiry)
            {
                if (string.Equals(rawExpiry.Trim(), "long-term", StringComparison.OrdinalIgnoreCase))
                {
                    longTerm = true;
                }
                else if (DateOnly.TryParseExact(rawExpiry.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    expiry = d;
                }
                else
                {
                    Add(FieldPaths.IdExpiry, "idExpiry must be a date (yyyy-MM-dd) or \"long-term\".");
                }
            }
            personal = new PersonalInput
            {
                Name = p.Name,
                IdNumber = p.IdNumber,
                Phone = p.Phone,
                BirthDate = p.BirthDate,
                Gender = gender,
                IdExpiry = expiry,
                IdLongTerm = longTerm,
                PhoneIsOwnRealName = p.PhoneIsOwnRealName,
                RecentlyChangedIdentity = p.RecentlyChangedIdentity,
            };
        }

        BankInput? bank = null;
        if (request.Bank is { } b)
        {
            Text(b.CardNumber, FieldPaths.CardNumber);
            Text(b.BankName, FieldPaths.BankName);
            Text(b.HolderName, FieldPaths.HolderName);
            Text(b.ReservedPhone, FieldPaths.ReservedPhone);
            Text(b.Branch, FieldPaths.Branch);
            if (b.AccountClass is < 1 or > 3)
            {
                Add(FieldPaths.AccountClass, "accountClass must be 1, 2 or 3.");
            }
            bank = new BankInput
            {
                CardNumber = b.CardNumber,
                BankName = b.BankName,
                CardType = Enum<CardType>(b.CardType, FieldPaths.CardType),
                HolderName = b.HolderName,
                ReservedPhone = b.ReservedPhone,
                Branch = b.Branch,
                CardStatus = Enum<CardStatus>(b.CardStatus, FieldPaths.CardStatus),
                AccountClass = b.AccountClass,
            };
        }

        ApplicationInput? application = null;
        if (request.Application is { } a)
        {
            Text(a.RejectionMessage, FieldPaths.RejectionMessage, MaxRejectionMessage);
            if (a.AttemptsLast24h is < 0 or > 1000)
            {
                Add(FieldPaths.Attempts, "attemptsLast24h must be between 0 and 1000.");
            }
            application = new ApplicationInput
            {
                AttemptsLast24h = a.AttemptsLast24h,
                LastAttemptAt = a.LastAttemptAt,
                RejectionMessage = a.RejectionMessage,
                NetworkCheck = Enum<NetworkCheck>(a.NetworkCheck, FieldPaths.NetworkCheck),
                IdentityStatus = Enum<IdentityStatus>(a.IdentityStatus, FieldPaths.IdentityStatus),
                AccountFrozen = a.AccountFrozen,
            };
        }

        TransactionInput? transaction = null;
        if (request.Transaction is { } t)
        {
            Amount(t.Amount, FieldPaths.Amount);
            Amount(t.TodayTotal, FieldPaths.TodayTotal);
            Amount(t.Balance, FieldPaths.Balance);
            transaction = new TransactionInput
            {
                Kind = Enum<TransactionKind>(t.Kind, FieldPaths.TransactionKind),
                Amount = t.Amount,
                TodayTotal = t.TodayTotal,
                Balance = t.Balance,
            };
        }

        errors = e;
        if (e.Count > 0)
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

        void Text(string? value, string field, int max = MaxText)
        {
            if (value is { Length: var n } && n > max)
            {
                Add(field, $"{field} must be at most {max} characters.");
            }
        }

        void Amount(decimal? value, string field)
        {
            if (value is < 0 or > 100_000_000_000m)
            {
                Add(field, $"{field} must be between 0 and 100,000,000,000.");
            }
        }

        TEnum? Enum<TEnum>(string? value, string field) where TEnum : struct, System.Enum
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
}
