using System.Globalization;
using WalletHelp.Core.Localization;
using WalletHelp.Core.Privacy;

namespace WalletHelp.Tests.Core;

/// <summary>Defect 2 and 4: Core's one scrubber, and the birth-date finding that must not carry digits 7–14.</summary>
public class ScrubberTests
{
    private const string IdDigits = "11010519491231002X";
    private const string CardDigits = "6228480402564890018";

    [Theory]
    [InlineData(" ")]
    [InlineData("\u3000")]
    [InlineData("\u00A0")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(".")]
    [InlineData("/")]
    [InlineData("-")]
    [InlineData("－")]
    [InlineData("‐")]
    [InlineData("—")]
    [InlineData("\u200B")]
    [InlineData("\u2060")]
    [InlineData(" - ")]
    [InlineData("")]
    public void Scrub_NumbersSplitByAnySeparator_AreMasked(string separator)
    {
        var text = $"身份证{string.Join(separator, "110105", "19491231", "002X")}，卡号 {string.Join(separator, "6228", "4804", "0256", "4890", "018")}。";

        var scrubbed = PersonalNumberScrubber.Scrub(text)!;

        Assert.DoesNotContain("19491231", scrubbed.Replace(separator.Length > 0 ? separator : "\0", "", StringComparison.Ordinal));
        Assert.DoesNotContain("04025648", Digits(scrubbed));
        Assert.Contains("110105********002X", scrubbed);
        Assert.Contains("6228 **** **** ***0 018", scrubbed);
        Assert.StartsWith("身份证", scrubbed, StringComparison.Ordinal);
        Assert.EndsWith("。", scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５\u3000１９４９１２３１\u3000００２ｘ")]
    [InlineData("110105 1949１２31 002 x")]
    [InlineData("11010519491231002x")]
    [InlineData("110105491231002")]
    public void Scrub_FullWidthAndLegacyIds_AreMasked(string id)
    {
        var scrubbed = PersonalNumberScrubber.Scrub("号码 " + id + " 结束")!;
        Assert.DoesNotContain("491231", Digits(scrubbed));
        Assert.EndsWith(" 结束", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_NumbersWrittenBackToBack_AreMaskedAsOneRun()
    {
        var scrubbed = PersonalNumberScrubber.Scrub($"{IdDigits[..^1]} {CardDigits}")!;
        Assert.DoesNotContain("1949", Digits(scrubbed));
        Assert.DoesNotContain("0402", Digits(scrubbed));
    }

    [Theory]
    [InlineData("请拨打 13800138000 联系我们")]
    [InlineData("2026-11-25 08:00 提交，金额 1,000.50 元")]
    [InlineData("Error code 10086, try again at 12:30")]
    [InlineData("参考号 WH-7K3M-Q9PZ")]
    [InlineData("")]
    public void Scrub_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, PersonalNumberScrubber.Scrub(text));
    }

    [Theory]
    [InlineData("11010519491331002", "month")]
    [InlineData("11010519490231002", "day")]
    [InlineData("11010518991231002", "1900")]
    [InlineData("11010520991231002", "today")]
    public void IdBirthDate_Finding_SaysWhichPartButNeverTheDigits(string first17, string expectedWord)
    {
        var id = Builders.Id(first17);
        var report = Builders.Diagnose(Builders.Valid with { Personal = Builders.Valid.Personal! with { IdNumber = id, BirthDate = null } });
        var finding = Assert.Single(report.Findings, f => f.Code == "PI-ID-BIRTHDATE");
        var middle = id[6..14];

        Assert.DoesNotContain(finding.Args?.Values ?? [], v => v.Contains(middle, StringComparison.Ordinal));
        var english = new FindingTexts().Localize(finding, CultureInfo.GetCultureInfo("en"));
        var chinese = new FindingTexts().Localize(finding, CultureInfo.GetCultureInfo("zh-CN"));
        Assert.DoesNotContain(middle, english.Explanation);
        Assert.DoesNotContain(middle, chinese.Explanation);
        Assert.Contains(expectedWord, english.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("—", chinese.Explanation);
    }

    private static string Digits(string text) =>
        new(text.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c))).ToArray());
}
