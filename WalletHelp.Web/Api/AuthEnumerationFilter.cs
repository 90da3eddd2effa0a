using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace WalletHelp.Web.Api;

/// <summary>
/// Keeps <c>POST /api/v1/auth/register</c> from telling whether an email already has an account: Identity answers
/// 400 DuplicateUserName/DuplicateEmail for a taken address; here that answer becomes the same empty 200 a new
/// registration gets (password rules are checked first, so a weak password still gets its 400 either way). The
/// owner of the existing account is sent nothing new; forgot-password, resend-confirmation and sign-in already
/// answer alike (see WalletHelpSignInManager for lockout).
/// </summary>
public static class AuthEnumerationFilter
{
    private static readonly HashSet<string> DuplicateCodes =
        [nameof(IdentityErrorDescriber.DuplicateUserName), nameof(IdentityErrorDescriber.DuplicateEmail)];

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        // By endpoint, not by path string: "/api/v1/auth/register/" reaches the same endpoint and must answer alike.
        var route = context.HttpContext.GetEndpoint() as RouteEndpoint;
        if (!string.Equals(ApiExtensions.LastSegment(route?.RoutePattern.RawText), "register", StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }
        var inner = result is INestedHttpResult nested ? nested.Result : result as IResult;
        if (inner is ValidationProblem { ProblemDetails.Errors: { Count: > 0 } errors }
            && errors.Keys.All(DuplicateCodes.Contains))
        {
            return TypedResults.Ok();
        }
        return result;
    }
}
