using System.Globalization;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;

namespace WalletHelp.Tests.Core;

public class PrivacyTests
{
    [Theory]
    [InlineData("110105194912310023", "6228480402564890019")]
    [InlineData("99010519491331002X", "6228480402564890")]
    [InlineData("11010519491231002", "62284804025648900181")]
    public void Diagnose_BadIdAndCard_NoTextOrArgContainsTheFullNumbers(string id, string card)
    {
        var input = Builders.Valid with
        {
            Personal = Builders.Valid.Personal! with { IdNumber = id },
            Bank = Builders.Valid.Bank! with { CardNumber = card },
        };
        var report = Builders.Diagnose(input);
        var texts = new FindingTexts();

        Assert.True(report.Findings.Count > 2, report.Codes());
        foreach (var finding in report.Findings)
        {
            foreach (var value in finding.Args?.Values ?? [])
            {
                Assert.DoesNotContain(id, value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(card, value, StringComparison.Ordinal);
            }
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var text = texts.Localize(finding, CultureInfo.GetCultureInfo(culture));
                foreach (var line in new[] { text.Title, text.Explanation }.Concat(text.Remedies))
                {
                    Assert.DoesNotContain(id, line, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(card, line, StringComparison.Ordinal);
                }
            }
        }
    }
}
