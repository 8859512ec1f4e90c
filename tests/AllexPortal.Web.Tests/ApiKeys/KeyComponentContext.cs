using System.Security.Claims;
using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.ExchangeSignIn;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>
/// A bUnit context over the real exchange-session and key services of one portal scope (sandbox over HTTP, real
/// SQLite), acting as a fresh portal user, so components are tested against the exchange's real answers.
/// </summary>
public abstract class KeyComponentContext : BunitContext
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private AsyncServiceScope scope;

    protected KeyComponentContext(KeysPortal portal)
    {
        Portal = portal;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    protected KeysPortal Portal { get; }

    protected string UserId { get; private set; } = "";

    protected ExchangeSession Session => scope.ServiceProvider.GetRequiredService<ExchangeSession>();

    protected ApiKeyService Keys => scope.ServiceProvider.GetRequiredService<ApiKeyService>();

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Creates the portal user and the scope whose services the components get.</summary>
    protected async Task StartAsync()
    {
        UserId = await Portal.NewUserAsync();
        scope = Portal.ScopeFor(UserId);
        Services.AddSingleton(Session);
        Services.AddSingleton(Keys);
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<ExchangeTwoFactor>());
        var authorization = AddAuthorization();
        authorization.SetAuthorized("keys@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Signs the scope's exchange session in as the sandbox demo user.</summary>
    protected async Task SignInAsync()
    {
        var result = await Session.SignInAsync(Portal.Demo.Email, Portal.Demo.Password, Portal.DemoOtp(), Token);
        Assert.True(result.Succeeded, result.Message);
    }

    /// <summary>Creates a key of the sandbox demo user through the service (the session must be signed in).</summary>
    protected async Task<ApiKeyCreation> CreateKeyAsync(string name)
    {
        await Keys.RequestEmailCodeAsync(UserId, Token);
        return await Keys.CreateAsync(UserId, new ApiKeyDraft(name), Portal.DemoOtp(), Portal.DemoEmailCode(), Token);
    }

    /// <summary>Types into a MudBlazor text field marked with <paramref name="testId"/>.</summary>
    protected static void Type<T>(IRenderedComponent<T> component, string testId, string value)
        where T : IComponent =>
        component.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea")
            .Input(value);

    /// <summary>Ticks a MudBlazor check box marked with <paramref name="testId"/>.</summary>
    protected static void Tick<T>(IRenderedComponent<T> component, string testId)
        where T : IComponent =>
        component.Find($"input[data-testid={testId}], [data-testid={testId}] input").Change(true);

    protected override async ValueTask DisposeAsyncCore()
    {
        await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
