namespace WalletHelp.Core.Reference;

/// <summary>A province-level administrative division (first two digits of an ID number).</summary>
public sealed record Region(int Code, string ChineseName, string EnglishName);

/// <summary>Province-level region codes of GB/T 2260 as used in ID numbers (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83).</summary>
public static class RegionCodes
{
    private static readonly Region?[] ByCode = new Region?[100];

    public static IReadOnlyList<Region> All { get; } =
    [
        new(11, "北京市", "Beijing"), new(12, "天津市", "Tianjin"), new(13, "河北省", "Hebei"),
        new(14, "山西省", "Shanxi"), new(15, "内蒙古自治区", "Inner Mongolia"),
        new(21, "辽宁省", "Liaoning"), new(22, "吉林省", "Jilin"), new(23, "黑龙江省", "Heilongjiang"),
        new(31, "上海市", "Shanghai"), new(32, "江苏省", "Jiangsu"), new(33, "浙江省", "Zhejiang"),
        new(34, "安徽省", "Anhui"), new(35, "福建省", "Fujian"), new(36, "江西省", "Jiangxi"), new(37, "山东省", "Shandong"),
        new(41, "河南省", "Henan"), new(42, "湖北省", "Hubei"), new(43, "湖南省", "Hunan"),
        new(44, "广东省", "Guangdong"), new(45, "广西壮族自治区", "Guangxi"), new(46, "海南省", "Hainan"),
        new(50, "重庆市", "Chongqing"), new(51, "四川省", "Sichuan"), new(52, "贵州省", "Guizhou"),
        new(53, "云南省", "Yunnan"), new(54, "西藏自治区", "Tibet"),
        new(61, "陕西省", "Shaanxi"), new(62, "甘肃省", "Gansu"), new(63, "青海省", "Qinghai"),
        new(64, "宁夏回族自治区", "Ningxia"), new(65, "新疆维吾尔自治区", "Xinjiang"),
        new(71, "台湾省", "Taiwan"), new(81, "香港特别行政区", "Hong Kong"), new(82, "澳门特别行政区", "Macao"),
        new(83, "台湾居民（居住证）", "Taiwan residents (residence permit)"),
    ];

    static RegionCodes()
    {
        foreach (var region in All) ByCode[region.Code] = region;
    }

    public static bool IsProvince(int code) => (uint)code < 100 && ByCode[code] is not null;

    /// <summary>True when the first two characters are digits forming a province-level code.</summary>
    public static bool IsProvince(ReadOnlySpan<char> number) =>
        number.Length >= 2 && char.IsAsciiDigit(number[0]) && char.IsAsciiDigit(number[1])
        && IsProvince((number[0] - '0') * 10 + (number[1] - '0'));

    public static Region? Find(int code) => (uint)code < 100 ? ByCode[code] : null;
}
