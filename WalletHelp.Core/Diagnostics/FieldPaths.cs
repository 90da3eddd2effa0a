namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// The JSON paths of the input fields (docs/api.md, camelCase): what findings point at, what the API names in a 400,
/// and what the wizard uses for its field ids and <c>?edit=</c>. Use these instead of writing the strings.
/// </summary>
public static class FieldPaths
{
    public const string Name = "personal.name";
    public const string IdNumber = "personal.idNumber";
    public const string Phone = "personal.phone";
    public const string BirthDate = "personal.birthDate";
    public const string Gender = "personal.gender";
    public const string IdExpiry = "personal.idExpiry";
    public const string PhoneIsOwnRealName = "personal.phoneIsOwnRealName";
    public const string RecentlyChangedIdentity = "personal.recentlyChangedIdentity";
    public const string CardNumber = "bank.cardNumber";
    public const string BankName = "bank.bankName";
    public const string CardType = "bank.cardType";
    public const string HolderName = "bank.holderName";
    public const string ReservedPhone = "bank.reservedPhone";
    public const string Branch = "bank.branch";
    public const string CardStatus = "bank.cardStatus";
    public const string AccountClass = "bank.accountClass";
    public const string WalletClass = "walletClass";
    public const string Attempts = "application.attemptsLast24h";
    public const string LastAttemptAt = "application.lastAttemptAt";
    public const string RejectionMessage = "application.rejectionMessage";
    public const string NetworkCheck = "application.networkCheck";
    public const string IdentityStatus = "application.identityStatus";
    public const string AccountFrozen = "application.accountFrozen";
    public const string TransactionKind = "transaction.kind";
    public const string Amount = "transaction.amount";
    public const string TodayTotal = "transaction.todayTotal";
    public const string Balance = "transaction.balance";
}
