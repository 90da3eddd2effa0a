using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Tests.Core;

public class NormalizerTests
{
    [Theory]
    [InlineData("13800138000", "13800138000", NumberChanges.None)]
    [InlineData(" 13800138000 ", "13800138000", NumberChanges.Trimmed)]
    [InlineData("+8613800138000", "13800138000", NumberChanges.CountryPrefix)]
    [InlineData("+86 138 0013 8000", "13800138000", NumberChanges.CountryPrefix | NumberChanges.Spaces)]
    [InlineData("008613800138000", "13800138000", NumberChanges.CountryPrefix)]
    [InlineData("86 13800138000", "13800138000", NumberChanges.CountryPrefix | NumberChanges.Spaces)]
    [InlineData("138-0013-8000", "13800138000", NumberChanges.Dashes)]
    [InlineData("１３８００１３８０００", "13800138000", NumberChanges.FullWidth)]
    [InlineData("138\u30000013\u30008000", "13800138000", NumberChanges.Spaces)]
    [InlineData("", "", NumberChanges.None)]
    [InlineData(null, "", NumberChanges.None)]
    public void NormalizePhone_RemovesPrefixSpacesDashesAndFullWidth(string? input, string expected, NumberChanges changes)
    {
        Assert.Equal(expected, InputNormalizer.NormalizePhone(input, out var actual));
        Assert.Equal(changes, actual);
    }

    [Theory]
    [InlineData("11010519491231002Ｘ", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    [InlineData("110105-19491231-002X", "11010519491231002X")]
    [InlineData("6228 4804 0256 4890 018", "6228480402564890018")]
    [InlineData("11010519491231002x", "11010519491231002x")]
    public void NormalizeNumber_CleansIdAndCardNumbers(string input, string expected) =>
        Assert.Equal(expected, InputNormalizer.NormalizeNumber(input, out _));

    [Fact]
    public void Normalize_Name_IsLeftAsTyped()
    {
        var input = Builders.WithPersonal(p => p with { Name = " 张 三 " });

        var normalized = InputNormalizer.Normalize(input);

        Assert.Equal(" 张 三 ", normalized.Personal!.Name);
    }
}
