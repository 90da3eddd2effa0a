using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Components.Pages.Diagnose;

namespace WalletHelp.Tests.Components.Diagnose;

public class WizardStepsTests
{
    [Theory]
    [InlineData("application-rejected", "personal,bank,application")]
    [InlineData("identity-verification-failed", "personal,bank,application")]
    [InlineData("cannot-log-in", "personal,application")]
    [InlineData("transaction-failed", "application,transaction")]
    [InlineData("balance-query-failed", "personal,application")]
    [InlineData("try-again-later", "application")]
    [InlineData("system-maintenance", "application")]
    [InlineData("account-frozen", "personal,application")]
    public void Steps_EverySymptom_FollowSymptomFlowSections(string code, string expected)
    {
        Codes.TryParseSymptom(code, out var symptom);
        var steps = WizardSteps.For(SymptomFlow.For(symptom));
        Assert.Equal(expected, string.Join(',', steps.Select(s => s.Key)));
    }

    [Fact]
    public void Steps_CannotLogIn_AsksOnlyForThePhoneInPersonal()
    {
        var personal = WizardSteps.For(SymptomFlow.For(Symptom.CannotLogIn))[0];
        Assert.Equal(["personal.phone", "personal.phoneIsOwnRealName"], personal.Fields);
    }

    [Fact]
    public void State_FieldPath_MapsToItsStep()
    {
        var state = new WizardState(Symptom.ApplicationRejected);
        Assert.Equal(0, state.StepOf("personal.idNumber"));
        Assert.Equal(1, state.StepOf("bank.cardNumber"));
        Assert.Equal(2, state.StepOf("walletClass"));
        Assert.Equal(-1, state.StepOf("transaction.amount"));
    }

    [Theory]
    [InlineData("6228480402564890018", "6228 4804 0256 4890 018")]
    [InlineData("6228 48040", "6228 4804 0")]
    [InlineData("", "")]
    public void GroupCard_AsTyped_GroupsOfFour(string typed, string shown) =>
        Assert.Equal(shown, WizardValues.GroupCard(typed));
}
