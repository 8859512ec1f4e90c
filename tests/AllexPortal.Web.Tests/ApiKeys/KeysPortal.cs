using System.Security.Claims;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.ExchangeSignIn;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OtpNet;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>
/// The portal in demo mode on a real loopback port, with every log line captured. The exchange sign-in and key
/// management travel over HTTP to the embedded sandbox; the sandbox's demo user has 2FA on (its TOTP secret is known
/// to the test, as it is to the user's authenticator app) and its e-mail codes are read from the sandbox.
/// </summary>
public sealed class KeysPortal : ListeningPortal
{
    /// <summary>The JWT header of every sandbox session token: no log line and no database row may contain it.</summary>
    public const string JwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    public CapturedLogs Logs { get; } = new();

    public Uri ExchangeUrl => Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    public SandboxAccountOptions Demo => Sandbox.Options.Demo;

    /// <summary>The current 2FA code of the sandbox demo user.</summary>
    public string DemoOtp() => Otp(Demo.TotpSecret);

    /// <summary>The current code for a base32 TOTP secret, on the sandbox's clock.</summary>
    public string Otp(string base32Secret) =>
        new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(Sandbox.Time.GetUtcNow().UtcDateTime);

    /// <summary>The e-mail code the sandbox last "sent" to its demo user.</summary>
    public string DemoEmailCode() => Sandbox.EmailCodeOf(Demo.Email) ?? throw new InvalidOperationException("No e-mail code was requested.");

    /// <summary>A new scope acting as <paramref name="userId"/>, as a circuit of that user would be.</summary>
    public AsyncServiceScope ScopeFor(string userId)
    {
        var scope = Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>The scope's exchange session, signed in as the sandbox demo user with its 2FA code.</summary>
    public async Task<ExchangeSession> SignedInAsDemoAsync(IServiceScope scope, CancellationToken cancellationToken)
    {
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();
        var result = await session.SignInAsync(Demo.Email, Demo.Password, DemoOtp(), cancellationToken);
        return result.Succeeded ? session : throw new InvalidOperationException(result.Message);
    }

    /// <summary>Signs up a new sandbox account (2FA off) and returns its e-mail and password.</summary>
    public async Task<(string Email, string Password)> NewSandboxAccountAsync(CancellationToken cancellationToken)
    {
        var email = $"trader-{Guid.NewGuid():N}@example.test";
        const string password = "Passw0rd-sandbox";
        await Services.GetRequiredService<IAllexClientFactory>().ForPublic(ExchangeUrl)
            .SignupAsync(new SignupRequest { Email = email, Password = password }, cancellationToken);
        return (email, password);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        });
    }
}
