namespace WalletHelp.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource(.zh-CN).resx.</summary>
public sealed class SharedResource;
