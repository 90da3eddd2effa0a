using System.Xml.Linq;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Web;

public class LocalizationResourceTests
{
    private static string ResourcesFolder() => RepoPaths.Of("WalletHelp.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    [Fact]
    public void UiStrings_BothLanguages_HaveTheSameKeysAndNoEmptyValues()
    {
        var folder = ResourcesFolder();
        foreach (var neutral in Directory.GetFiles(folder, "*.resx").Where(f => !f.EndsWith(".zh-CN.resx", StringComparison.Ordinal)))
        {
            var chinese = neutral[..^".resx".Length] + ".zh-CN.resx";
            Assert.True(File.Exists(chinese), $"{chinese} is missing");
            var en = Load(neutral);
            var zh = Load(chinese);
            Assert.Empty(en.Keys.Except(zh.Keys));
            Assert.Empty(zh.Keys.Except(en.Keys));
            Assert.DoesNotContain(en, p => string.IsNullOrWhiteSpace(p.Value));
            Assert.DoesNotContain(zh, p => string.IsNullOrWhiteSpace(p.Value));
        }
    }

    [Fact]
    public void RazorFiles_OutsideIdentityTemplate_HaveNoHardCodedChinese()
    {
        var web = Path.GetDirectoryName(ResourcesFolder())!;
        var offenders = Directory.GetFiles(Path.Combine(web, "Components"), "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Any(c => c is >= '\u4e00' and <= '\u9fff'))
            .ToList();
        Assert.Empty(offenders);
    }
}
