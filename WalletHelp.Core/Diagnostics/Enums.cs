namespace WalletHelp.Core.Diagnostics;

/// <summary>What the person sees going wrong; the stable kebab codes are in <see cref="Codes"/>.</summary>
public enum Symptom
{
    ApplicationRejected,
    IdentityVerificationFailed,
    CannotLogIn,
    TransactionFailed,
    BalanceQueryFailed,
    TryAgainLater,
    SystemMaintenance,
    AccountFrozen,
}

/// <summary>How serious a finding is.</summary>
public enum Severity { Blocking, Warning, Info }

/// <summary>The single verdict of a diagnosis, decided from its findings.</summary>
public enum Outcome { ContactSupport, Wait, FixAndRetry, Ready }

public enum Gender { Male, Female }

public enum CardType { Debit, Credit }

public enum CardStatus { Normal, Lost, Frozen, Dormant, Expired }

public enum NetworkCheck { Ok, Slow, Failed }

public enum IdentityStatus { Verified, Pending, Failed }

public enum TransactionKind { Payment, TopUp }
