using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Identity's user manager, plus two rules. Locking an account changes its security stamp: Identity does not do
/// that by itself, and the stamp is what signed-in cookies and open circuits re-check, so without it a locked-out
/// user would stay signed in elsewhere. Two-factor recovery codes are stored hashed (OWASP ASVS 5.0 6.5.2): Identity
/// keeps them as plain text, so anyone who reads the database could sign in past the second factor.
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

    /// <summary>Marks a stored recovery code as a hash (codes saved before hashing are plain text and still work once).</summary>
    internal const string HashedCodePrefix = "pbkdf2:";

    // Where Identity's UserStoreBase keeps the codes (a ';'-separated list in the user's tokens).
    private const string CodeStoreProvider = "[AspNetUserStore]";
    private const string CodeStoreName = "RecoveryCodes";

    /// <summary>Makes new recovery codes and stores only their salted PBKDF2 hashes (Identity's password hasher).</summary>
    /// <returns>The codes, to be shown to the user once.</returns>
    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(PortalUser user, int number)
    {
        ArgumentNullException.ThrowIfNull(user);
        var codes = Enumerable.Range(0, number).Select(_ => CreateTwoFactorRecoveryCode()).ToList();
        await RecoveryCodeStore().ReplaceCodesAsync(user, codes.Select(code => HashedCodePrefix + PasswordHasher.HashPassword(user, code)), CancellationToken);
        var saved = await UpdateAsync(user);
        return saved.Succeeded ? codes : null;
    }

    /// <summary>Accepts a recovery code once: the code whose hash matches is removed from the stored list.</summary>
    public override async Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(PortalUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = (await GetAuthenticationTokenAsync(user, CodeStoreProvider, CodeStoreName) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        var match = Array.FindIndex(stored, entry => Matches(user, entry, code ?? ""));
        if (match < 0)
        {
            return IdentityResult.Failed(ErrorDescriber.RecoveryCodeRedemptionFailed());
        }

        await RecoveryCodeStore().ReplaceCodesAsync(user, stored.Where((_, index) => index != match), CancellationToken);
        return await UpdateAsync(user);
    }

    private bool Matches(PortalUser user, string entry, string code) =>
        entry.StartsWith(HashedCodePrefix, StringComparison.Ordinal)
            ? PasswordHasher.VerifyHashedPassword(user, entry[HashedCodePrefix.Length..], code) != PasswordVerificationResult.Failed
            : System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(entry), System.Text.Encoding.UTF8.GetBytes(code));

    private IUserTwoFactorRecoveryCodeStore<PortalUser> RecoveryCodeStore() =>
        Store as IUserTwoFactorRecoveryCodeStore<PortalUser>
            ?? throw new NotSupportedException("The user store does not keep recovery codes.");
}
