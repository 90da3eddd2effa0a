using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Resources;

namespace WalletHelp.Tests.Web;

/// <summary>Every account form asks for the password length Identity actually requires (three pages said 6, Identity 8).</summary>
public sealed class PasswordLengthTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    [Fact]
    public void EveryPasswordField_UsesIdentitysMinimumLength()
    {
        var required = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password.RequiredLength;
        var lengths = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("WalletHelp.Web.Components.Account", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(p => (Property: p.DeclaringType!.FullName + "." + p.Name, Length: p.GetCustomAttribute<StringLengthAttribute>()))
            .Where(p => p.Length?.ErrorMessageResourceName == nameof(UiText.ValidationPasswordLength))
            .ToList();

        Assert.True(lengths.Count >= 4, $"found only {lengths.Count} password fields");
        Assert.Equal(8, required);
        Assert.All(lengths, p => Assert.True(p.Length!.MinimumLength == required, $"{p.Property} asks for {p.Length.MinimumLength}"));
    }
}
