using WalletHelp.Core;

namespace WalletHelp.Tests.Core;

public class MaskingTests
{
    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("1101 0519 4912 3100 2X", "110105********002X")]
    [InlineData("110105491231002", "110*********002")]
    [InlineData("1234", "1**4")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void MaskIdNumber_ShowsOnlyTheEnds(string? input, string? expected) => Assert.Equal(expected, Masking.MaskIdNumber(input));

    [Theory]
    [InlineData("6228480402564890018", "6228 **** **** ***0 018")]
    [InlineData("6228 4804 0256 4890 018", "6228 **** **** ***0 018")]
    [InlineData("6225880212345678", "6225 **** **** 5678")]
    [InlineData("622848040256", "622* **** *256")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void MaskCardNumber_ShowsFirstAndLastFour(string? input, string? expected) => Assert.Equal(expected, Masking.MaskCardNumber(input));

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("+86 138 0013 8000", "138****8000")]
    [InlineData("12345", "1***5")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void MaskPhone_ShowsPrefixAndLastFour(string? input, string? expected) => Assert.Equal(expected, Masking.MaskPhone(input));

    [Theory]
    [InlineData("1")]
    [InlineData("123456789")]
    [InlineData("12345678901234567")]
    public void Masking_ShortInputs_NeverRevealMoreThanHalf(string input)
    {
        foreach (var masked in new[] { Masking.MaskIdNumber(input)!, Masking.MaskCardNumber(input)!.Replace(" ", "", StringComparison.Ordinal), Masking.MaskPhone(input)! })
            Assert.True(masked.Count(c => c != '*') * 2 <= input.Length, masked);
    }
}
