using System.Security.Claims;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using AllexPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Identity's sign-in manager that writes every portal sign-in, failed sign-in and sign-out to the audit log.
/// Hooked here rather than in each page so that every way in (password, two-factor, recovery code, registration,
/// the demo button) is recorded, and a new one cannot be forgotten.
/// </summary>
/// <remarks>
/// A failed attempt against an existing account is recorded with that account as the actor, so its owner sees it
/// in their own log; an attempt for an unknown address has no actor and names the address typed. Refreshing the
/// cookie (after a password change, for instance) is not a sign-in and is not recorded. Entries are written even
/// when the browser has gone away meanwhile: a sign-in must not escape the log by disconnecting.
/// </remarks>
public sealed class AuditingSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    AuditLog audit,
    TimeProvider time)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool refreshing;

    /// <inheritdoc />
    public override async Task RefreshSignInAsync(PortalUser user)
    {
        refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshing = false;
        }
    }

    /// <inheritdoc />
    public override async Task SignInWithClaimsAsync(
        PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = additionalClaims.ToList();
        if (!claims.Any(c => c.Type == SessionClaims.SignedInAt))
        {
            // A refreshed cookie (password change, 2FA set-up) keeps its session's sign-in time: refreshing must not
            // extend the absolute lifetime.
            var began = refreshing ? SessionClaims.SignedInAtOf(Context.User) : null;
            claims.Add(SessionClaims.SignedInAtClaim(began ?? time.GetUtcNow()));
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        if (!refreshing)
        {
            var method = claims.FirstOrDefault(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod)?.Value;
            await audit.RecordAsync(user.Id, AuditAction.SignedIn, user.Email, method is null ? null : $"method {method}");
        }
    }

    /// <inheritdoc />
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            var user = await UserManager.FindByNameAsync(userName);
            await audit.RecordAsync(user?.Id, AuditAction.SignInFailed, userName, Reason(result, "wrong password or unknown account"));
        }

        return result;
    }

    /// <inheritdoc />
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordTwoFactorFailureAsync(user, result, "wrong authenticator code");
        return result;
    }

    /// <inheritdoc />
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordTwoFactorFailureAsync(user, result, "wrong recovery code");
        return result;
    }

    /// <inheritdoc />
    public override async Task SignOutAsync()
    {
        var userId = Context.User.Identity?.IsAuthenticated == true ? UserManager.GetUserId(Context.User) : null;
        await base.SignOutAsync();
        if (userId is not null)
        {
            await audit.RecordAsync(userId, AuditAction.SignedOut);
        }
    }

    private async Task RecordTwoFactorFailureAsync(PortalUser? user, SignInResult result, string wrongCode)
    {
        if (!result.Succeeded && user is not null)
        {
            await audit.RecordAsync(user.Id, AuditAction.SignInFailed, user.Email, Reason(result, wrongCode));
        }
    }

    private static string Reason(SignInResult result, string otherwise) =>
        result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed to sign in" : otherwise;
}
