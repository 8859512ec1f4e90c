using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace AllexPortal.Web.Tests.Teams;

/// <summary>A circuit's authentication state for one signed-in user, as the portal's own provider would give it.</summary>
public sealed class SignedInAs(string userId) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], authenticationType: "test"))));
}
