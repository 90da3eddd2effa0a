using WalletHelp.Core.Reference;

namespace WalletHelp.Tests.Core;

public class ReferenceTests
{
    [Theory]
    [InlineData("6228480402564890018", "ABC", BinCardType.Debit, 19)]
    [InlineData("6222020200112345678", "ICBC", BinCardType.Debit, 19)]
    [InlineData("6212260200112345678", "ICBC", BinCardType.Debit, 19)]
    [InlineData("6217000010001234567", "CCB", BinCardType.Debit, 19)]
    [InlineData("4367420010001234567", "CCB", BinCardType.Debit, 19)]
    [InlineData("6225750212345678", "CMB", BinCardType.Credit, 16)]
    [InlineData("6225880212345678", "CMB", BinCardType.Debit, 16)]
    [InlineData("6214830212345678", "CMB", BinCardType.Debit, 16)]
    [InlineData("6216610001234567890", "BOC", BinCardType.Debit, 19)]
    [InlineData("6222620001234567890", "BOCOM", BinCardType.Debit, 19)]
    [InlineData("6217990001234567890", "PSBC", BinCardType.Debit, 19)]
    public void BinTable_Default_RecognisesMajorIssuers(string card, string bank, BinCardType type, int length)
    {
        Assert.True(BinTable.Default.TryMatch(card, out var entry));
        Assert.Equal(bank, entry.BankCode);
        Assert.Equal(type, entry.CardType);
        Assert.Equal(length, entry.Length);
    }

    [Fact]
    public void BinTable_Default_CoversEveryDirectoryBank()
    {
        foreach (var bank in BankDirectory.Default.Banks)
            Assert.Contains(BinTable.Default.Entries, e => e.BankCode == bank.Code);
    }

    [Fact]
    public void BinTable_Default_IsTheBroadGeneratedTable()
    {
        Assert.True(BinTable.Default.Count >= 1000, $"{BinTable.Default.Count} prefixes");
        var issuers = BinTable.Default.Entries.Select(e => e.BankCode).Distinct().ToList();
        Assert.True(issuers.Count >= 100, $"{issuers.Count} issuers");
        Assert.All(BinTable.Default.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.BankName));
            Assert.False(string.IsNullOrWhiteSpace(e.BankNameEn));
            Assert.InRange(e.Length, 12, 19);
        });
        foreach (var type in Enum.GetValues<BinCardType>())
            Assert.Contains(BinTable.Default.Entries, e => e.CardType == type);
        Assert.Contains(BinTable.Default.Entries, e => e.Prefix.Length == 3);
        Assert.Contains(BinTable.Default.Entries, e => e.Prefix.Length == 10);
    }

    [Theory]
    [InlineData("6212790000000000", "NBBANK", "宁波银行", "Bank of Ningbo")] // a city commercial bank the old table did not know
    [InlineData("6210180000000000000", "GDRCC", "广东省农村信用社联合社", "Guangdong Rural Credit Union")]
    public void BinTable_Default_KnowsSmallerIssuersByName(string card, string code, string zh, string en)
    {
        Assert.True(BinTable.Default.TryMatch(card, out var entry));
        Assert.Equal(code, entry.BankCode);
        var bank = BinTable.Default.BanksOver(BankDirectory.Default).FindByCode(code);
        Assert.NotNull(bank);
        Assert.Equal(zh, bank.ChineseName);
        Assert.Equal(en, bank.EnglishName);
        Assert.True(BankDirectory.Default.TryMatch(zh, out var named));
        Assert.Equal(code, named.Code);
    }

    [Fact]
    public void BinTable_BanksOver_AddsIssuersOnlyAnImportNames()
    {
        var table = BinTable.Default.Merge([new BinEntry("8888000", "QQRCB", BinCardType.Debit, 16, "青青农商银行", "Qingqing Rural Bank")]);

        var banks = table.BanksOver(BankDirectory.Default);

        Assert.Null(BankDirectory.Default.FindByCode("QQRCB"));
        Assert.Equal("Qingqing Rural Bank", banks.FindByCode("QQRCB")?.EnglishName);
        Assert.True(banks.TryMatch("青青农商银行", out var named));
        Assert.Equal("QQRCB", named.Code);
    }

    [Fact]
    public void BinCsvParser_WriteThenParse_RoundTrips()
    {
        var csv = BinCsvParser.Write(BinTable.Default.Entries);
        var parsed = BinCsvParser.Parse(csv);

        Assert.Empty(parsed.Errors);
        Assert.Equal(BinTable.Default.Count, parsed.Lines.Count);
        Assert.All(parsed.Entries.Zip(BinTable.Default.Entries), pair => Assert.True(pair.First.SameAs(pair.Second), pair.First.Prefix));
    }

    [Fact]
    public void BinTable_ApiExampleCard_PassesLuhn() => Assert.True(Luhn.IsValid("6228480402564890018"));

    [Fact]
    public void BinTable_OverlappingPrefixes_LongestWins()
    {
        var table = new BinTable([
            new BinEntry("6228", "XX", BinCardType.Credit, 16),
            new BinEntry("622848", "ABC", BinCardType.Debit, 19),
            new BinEntry("62284804", "YY", BinCardType.SemiCredit, 18),
        ]);

        Assert.True(table.TryMatch("6228480402564890018", out var longest));
        Assert.Equal("YY", longest.BankCode);
        Assert.True(table.TryMatch("6228489999999999999", out var middle));
        Assert.Equal("ABC", middle.BankCode);
        Assert.True(table.TryMatch("6228000000000000", out var shortest));
        Assert.Equal("XX", shortest.BankCode);
        Assert.False(table.TryMatch("9999999999999999", out _));
        Assert.False(table.TryMatch("622", out _));
    }

    [Fact]
    public void BinTable_Merge_ImportedEntryReplacesBuiltIn()
    {
        var merged = BinTable.Default.Merge([new BinEntry("622848", "ABC", BinCardType.Debit, 18)]);

        Assert.True(merged.TryMatch("622848040256489001", out var entry));
        Assert.Equal(18, entry.Length);
        Assert.Equal(BinTable.Default.Count, merged.Count);
    }

    [Fact]
    public void BinTableProvider_Import_ReplacesCurrentTable()
    {
        var provider = new BinTableProvider();
        provider.Import([new BinEntry("88880000", "LOCAL", BinCardType.Debit, 16)]);

        Assert.True(provider.Current.TryMatch("8888000012345678", out var entry));
        Assert.Equal("LOCAL", entry.BankCode);
    }

    [Fact]
    public void BinCsvParser_ValidFileWithHeader_ReturnsEntries()
    {
        var result = BinCsvParser.Parse("bin,bank,type,length\n622848,ABC,DC,19\n622588,招商银行,CC,16\n\n# comment\n12345678,Local Bank,SCC,16\n");

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Entries.Count);
        Assert.Equal("CMB", result.Entries[1].BankCode);
        Assert.Equal(BinCardType.SemiCredit, result.Entries[2].CardType);
        Assert.Equal("LOCAL BANK", result.Entries[2].BankCode);
    }

    [Fact]
    public void BinCsvParser_WithoutHeader_ParsesFirstLine()
    {
        var result = BinCsvParser.Parse("622848,ABC,DC,19");

        Assert.Single(result.Entries);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("62A848,ABC,DC,19", 1, "bin")]
    [InlineData("62,ABC,DC,19", 1, "bin")]
    [InlineData("62284812345,ABC,DC,19", 1, "bin")]
    [InlineData("622848,,DC,19", 2, "bank")]
    [InlineData("622848,ABC,XX,19", 3, "type")]
    [InlineData("622848,ABC,DC,25", 4, "length")]
    [InlineData("622848,ABC,DC,abc", 4, "length")]
    [InlineData("622848,ABC,DC", 0, "line")]
    public void BinCsvParser_BadLine_ReportsLineColumnAndReason(string line, int column, string columnName)
    {
        var result = BinCsvParser.Parse($"bin,bank,type,length\n621700,CCB,DC,19\n{line}\n622202,ICBC,DC,19");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(columnName, error.ColumnName);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.Equal(2, result.Entries.Count);
    }

    [Fact]
    public void BinCsvParser_DuplicateBin_NamesTheFirstLine()
    {
        var result = BinCsvParser.Parse("622848,ABC,DC,19\n622848,ABC,DC,18");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("line 1", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABC", "ABC")]
    [InlineData("abc", "ABC")]
    [InlineData("中国农业银行", "ABC")]
    [InlineData("农行", "ABC")]
    [InlineData("Agricultural Bank of China", "ABC")]
    [InlineData("agricultural bank  of china", "ABC")]
    [InlineData("工行", "ICBC")]
    [InlineData("中行", "BOC")]
    [InlineData("建行", "CCB")]
    [InlineData("交行", "BOCOM")]
    [InlineData("邮储", "PSBC")]
    [InlineData("招行", "CMB")]
    [InlineData("浦发", "SPDB")]
    [InlineData("兴业", "CIB")]
    [InlineData("平安", "PAB")]
    [InlineData("华夏", "HXB")]
    [InlineData("广发", "GDB")]
    [InlineData("北京银行", "BOB")]
    [InlineData("上海银行", "BOSC")]
    [InlineData("Bank of China", "BOC")]
    [InlineData("中国农业银行股份有限公司北京分行", "ABC")]
    public void BankDirectory_TryMatch_FindsBank(string text, string code)
    {
        Assert.True(BankDirectory.Default.TryMatch(text, out var bank));
        Assert.Equal(code, bank.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Some Credit Union")]
    [InlineData(null)]
    public void BankDirectory_TryMatch_UnknownText_IsFalse(string? text) =>
        Assert.False(BankDirectory.Default.TryMatch(text, out _));

    [Theory]
    [InlineData("中国农业银行北京朝阳支行", "ABC")]
    [InlineData("Postal Savings Bank of China Beijing", "PSBC")]
    [InlineData("Agricultural Bank of China, Chaoyang sub-branch", "ABC")]
    [InlineData("工商银行平安里支行", "ICBC")]
    public void BankDirectory_FindMentioned_LongestBankNameWins(string branch, string code) =>
        Assert.Equal(code, BankDirectory.Default.FindMentioned(branch)?.Code);

    [Theory]
    [InlineData(11, true)]
    [InlineData(83, true)]
    [InlineData(16, false)]
    [InlineData(99, false)]
    public void RegionCodes_IsProvince(int code, bool expected)
    {
        Assert.Equal(expected, RegionCodes.IsProvince(code));
        if (expected) Assert.False(string.IsNullOrEmpty(RegionCodes.Find(code)!.EnglishName));
    }

    [Fact]
    public void IdNumberChecksum_KnownNumbers()
    {
        Assert.Equal('X', IdNumberChecksum.Compute("11010519491231002"));
        Assert.True(IdNumberChecksum.IsValid("11010519491231002X"));
        Assert.True(IdNumberChecksum.IsValid("11010519491231002x"));
        Assert.False(IdNumberChecksum.IsValid("110105194912310023"));
    }
}
