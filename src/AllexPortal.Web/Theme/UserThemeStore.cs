using System.Security.Claims;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Theme;

/// <summary>
/// Reads and saves the signed-in user's colour scheme on their account row, so the choice follows
/// them to every browser and is known before the first byte of a page is rendered (no flash of the
/// wrong theme). Anonymous visitors get <see cref="PortalTheme.Light"/>.
/// </summary>
public sealed class UserThemeStore(IDbContextFactory<PortalDb> dbFactory, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>The theme saved for <paramref name="user"/>, or the default for anonymous or unknown users.</summary>
    public async Task<PortalTheme> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } id)
        {
            return PortalTheme.Light;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == id).Select(u => (PortalTheme?)u.Theme)
            .FirstOrDefaultAsync(cancellationToken) ?? PortalTheme.Light;
    }

    /// <summary>Saves <paramref name="theme"/> for <paramref name="user"/>; does nothing for anonymous users.</summary>
    public async Task SaveAsync(ClaimsPrincipal user, PortalTheme theme, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } id)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Theme, theme), cancellationToken);
    }

    private string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
            : null;
}
