using System.Security.Claims;
using AllexPortal.Web.Data;
using AllexPortal.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Re-checks the signed-in user of every open circuit at <see cref="PortalSessionOptions.RevalidationInterval"/>:
/// a changed security stamp (sign-out, password or 2FA change, lockout), a lockout or a session past its
/// <see cref="PortalSessionOptions.AbsoluteLifetime"/> ends the circuit's authentication, and the page sends the
/// browser to sign-in.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<PortalSessionOptions> sessionOptions,
        TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessionOptions.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        ValidateAsync(authenticationState, cancellationToken);

    /// <summary>True while the circuit's session may go on: within its lifetime, stamp unchanged, not locked out.</summary>
    internal async Task<bool> ValidateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!SessionClaims.IsWithin(authenticationState.User, sessionOptions.Value.AbsoluteLifetime, time.GetUtcNow()))
        {
            return false;
        }

        // A fresh scope, so the user is read from the database and not from a circuit-long cache.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
