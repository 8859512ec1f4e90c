using AllexPortal.Web.Access;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Teams;

/// <summary>
/// The workspace the signed-in user is looking at in this circuit (scoped, like eShop's <c>BasketState</c>).
/// Pages call <see cref="LoadAsync"/> before reading <see cref="Id"/>, pass <see cref="Id"/> to the services
/// (which check it again: the services never trust it), and re-load on <see cref="Changed"/>. The last choice
/// is remembered on the user's account, so it follows them to any browser. Without a signed-in user (or outside a
/// circuit, where no authentication state was set) it stays on the personal workspace, which the services scope to
/// whoever calls them.
/// </summary>
public sealed class CurrentWorkspace(
    AuthenticationStateProvider authentication,
    PortalAccess access,
    IDbContextFactory<PortalDb> databases,
    IOptions<IdentityOptions> identityOptions)
{
    private Task<WorkspaceGrant>? loading;

    /// <summary>Raised after <see cref="SwitchAsync"/> changed the workspace.</summary>
    public event Action? Changed;

    /// <summary>The team, or null for the personal workspace (also before <see cref="LoadAsync"/> finished).</summary>
    public Guid? Id => Grant?.WorkspaceId;

    /// <summary>The team's name, or "Personal".</summary>
    public string Name => Grant?.Name ?? WorkspaceGrant.PersonalName;

    /// <summary>The user's role and permissions here; null until <see cref="LoadAsync"/> finished.</summary>
    public WorkspaceGrant? Grant { get; private set; }

    /// <summary>
    /// Reads the remembered workspace once per circuit (later calls share the first); falls back to the personal
    /// workspace when the user is no longer a member of the remembered team.
    /// </summary>
    public Task<WorkspaceGrant> LoadAsync(CancellationToken cancellationToken = default) =>
        loading ??= LoadRememberedAsync(cancellationToken);

    /// <summary>Switches to <paramref name="id"/> (null: personal) and remembers it; the user needs <see cref="PortalPermission.View"/> there.</summary>
    /// <exception cref="AccessDeniedException">Not a member of that workspace.</exception>
    public async Task SwitchAsync(Guid? id)
    {
        var userId = await UserIdAsync();
        var grant = await access.DemandWorkspaceAsync(userId, id, PortalPermission.View);
        await using (var db = await databases.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastWorkspaceId, id));
        }

        Grant = grant;
        loading = Task.FromResult(grant);
        Changed?.Invoke();
    }

    private async Task<WorkspaceGrant> LoadRememberedAsync(CancellationToken cancellationToken)
    {
        if (await SignedInUserIdAsync() is not { } userId)
        {
            Grant = WorkspaceGrant.Personal;
            return Grant;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var remembered = await db.Users.Where(u => u.Id == userId).Select(u => u.LastWorkspaceId).SingleOrDefaultAsync(cancellationToken);
        Grant = await access.FindWorkspaceAsync(userId, remembered, cancellationToken) ?? WorkspaceGrant.Personal;
        return Grant;
    }

    private async Task<string> UserIdAsync() =>
        await SignedInUserIdAsync() ?? throw new AccessDeniedException("Sign in first.");

    /// <summary>The signed-in user, or null when nobody is (or, outside a circuit, no authentication state was set).</summary>
    private async Task<string?> SignedInUserIdAsync()
    {
        AuthenticationState state;
        try
        {
            state = await authentication.GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var user = state.User;
        return user.Identity?.IsAuthenticated == true
            ? user.FindFirst(identityOptions.Value.ClaimsIdentity.UserIdClaimType)?.Value
            : null;
    }
}
