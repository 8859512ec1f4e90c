using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Identity's user manager, plus one rule: locking an account changes its security stamp. Identity
/// does not do that by itself, and the stamp is what signed-in cookies and open circuits re-check,
/// so without it a locked-out user would stay signed in elsewhere.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators,
        keyNormalizer, errors, services, logger)
{
    /// <inheritdoc />
    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        var result = await base.AccessFailedAsync(user);
        return result.Succeeded ? await EndSessionsIfLockedOutAsync(user) : result;
    }

    /// <inheritdoc />
    public override async Task<IdentityResult> SetLockoutEndDateAsync(PortalUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded ? await EndSessionsIfLockedOutAsync(user) : result;
    }

    private async Task<IdentityResult> EndSessionsIfLockedOutAsync(PortalUser user) =>
        await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : IdentityResult.Success;
}
