using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Tests.Core;

public class CodesTests
{
    [Theory]
    [InlineData(Symptom.ApplicationRejected, "application-rejected")]
    [InlineData(Symptom.CannotLogIn, "cannot-log-in")]
    [InlineData(Symptom.AccountFrozen, "account-frozen")]
    public void Symptom_RoundTrips_ThroughKebabCode(Symptom symptom, string code)
    {
        Assert.Equal(code, symptom.ToCode());
        Assert.True(Codes.TryParseSymptom(code, out var parsed));
        Assert.Equal(symptom, parsed);
    }

    [Theory]
    [InlineData("Application-Rejected")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseSymptom_UnknownCode_IsRejected(string? code) =>
        Assert.False(Codes.TryParseSymptom(code, out _));

    [Fact]
    public void ToKebab_TopUp_IsHyphenated()
    {
        Assert.Equal("top-up", Codes.ToKebab(TransactionKind.TopUp));
        Assert.True(Codes.TryParseKebab<TransactionKind>("top-up", out var kind));
        Assert.Equal(TransactionKind.TopUp, kind);
    }
}
