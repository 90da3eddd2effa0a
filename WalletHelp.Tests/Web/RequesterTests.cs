using System.Security.Claims;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Web;

/// <summary>"Who is asking" is read in one place: signed-in id, staff role, browser and client address.</summary>
public sealed class RequesterTests
{
    private static ClaimsPrincipal User(string id, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], authenticationType: "test"));

    [Theory]
    [InlineData(Roles.Agent, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(null, false)]
    public void SignedInUser_IsStaffOnlyWithAStaffRole(string? role, bool staff)
    {
        var asking = Requesters.From(role is null ? User("u-1") : User("u-1", role), "browser-1", "192.0.2.1");
        Assert.Equal(new Requester("u-1", "browser-1", staff, "192.0.2.1"), asking);
    }

    [Fact]
    public void Anonymous_HasNoUserAndIsNeverStaff_EvenWithARoleClaim()
    {
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "forged"), new Claim(ClaimTypes.Role, Roles.Admin)]));
        Assert.Equal(new Requester(null, "b", false, "c"), Requesters.From(unauthenticated, "b", "c"));
        Assert.Equal(new Requester(null, null, false, null), Requesters.From(null, null, null));
    }
}
