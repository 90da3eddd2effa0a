using System.Globalization;
using WalletHelp.Core;
using WalletHelp.Core.Localization;

namespace WalletHelp.Tests.Core;

public class SharedVocabularyTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    [InlineData("EN-gb", "en")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("fr-FR", "zh-CN")]
    [InlineData("", "zh-CN")]
    [InlineData(null, "zh-CN")]
    public void Languages_Normalize_EnglishForEnStarOtherwiseChinese(string? name, string expected) =>
        Assert.Equal(expected, Languages.Normalize(name));

    [Fact]
    public void Languages_Pick_FallsBackToChineseWhenEnglishIsBlank()
    {
        Assert.Equal("升级", Languages.Pick("升级", "  ", inEnglish: true));
        Assert.Equal("Upgrade", Languages.Pick("升级", "Upgrade", inEnglish: true));
        Assert.Equal("升级", Languages.Pick("升级", "Upgrade", inEnglish: false));
    }

    [Fact]
    public void ChinaTime_FormatAndToday_UseUtcPlus8()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 25, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-11-26 01:30", ChinaTime.Format(lateUtc));
        Assert.Equal(new DateOnly(2026, 11, 26), ChinaTime.Today(lateUtc));
        Assert.Equal("2026-11-26T01:30", ChinaTime.FormatInput(lateUtc));
    }

    [Theory]
    [InlineData("2026-11-26T01:30")]
    [InlineData(" 2026-11-26T01:30:00 ")]
    public void ChinaTime_TryParseInput_ReadsBeijingWallClock(string text)
    {
        Assert.True(ChinaTime.TryParseInput(text, out var at));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("26/11/2026 01:30")]
    public void ChinaTime_TryParseInput_RejectsOtherFormats(string? text) => Assert.False(ChinaTime.TryParseInput(text, out _));
}
