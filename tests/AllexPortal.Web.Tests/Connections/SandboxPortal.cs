using System.Net;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>
/// The portal in demo mode on a real loopback port, so connection checks travel over HTTP to the embedded
/// sandbox like to any exchange. Keys with the permissions a test needs are created through the sandbox's own
/// API (login with password and TOTP, e-mail code read from the sandbox), as a user would on the exchange.
/// </summary>
public sealed class SandboxPortal : ListeningPortal
{
    private readonly SemaphoreSlim keyGate = new(1, 1);
    private readonly Dictionary<ApiKeyPermissionsBody, ApiKeyCredentials> keys = [];

    /// <summary>A closed loopback port the operator allowed as an exchange, for the "unreachable exchange" test.</summary>
    public static readonly Uri ClosedPortExchange = new("http://127.0.0.1:1/");

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exchange:AllowedBaseUrls:0"] = ClosedPortExchange.AbsoluteUri,
        ["Exchange:AllowedAddresses:0"] = "127.0.0.1:1",
    };

    /// <summary>The sandbox as the portal mounts it, e.g. <c>http://127.0.0.1:41234/sandbox/</c>.</summary>
    public Uri ExchangeUrl => Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    /// <summary>The sandbox demo user's seeded key (read and trade).</summary>
    public ApiKeyCredentials DemoKey => new(Sandbox.Options.Demo.ApiKey, Sandbox.Options.Demo.ApiSecret);

    /// <summary>A service scope's connection service, as a page would get it.</summary>
    public ConnectionService Connections(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<ConnectionService>();

    /// <summary>The id of the portal user with this e-mail.</summary>
    public async Task<string> UserIdOfAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No portal user {email}.");
    }

    /// <summary>A key of the sandbox demo user with exactly these permissions (created once per permission set).</summary>
    public async Task<ApiKeyCredentials> KeyWithAsync(ApiKeyPermissionsBody permissions, CancellationToken cancellationToken)
    {
        await keyGate.WaitAsync(cancellationToken);
        try
        {
            if (!keys.TryGetValue(permissions, out var credentials))
            {
                credentials = await CreateKeyAsync(permissions, cancellationToken);
                keys[permissions] = credentials;
            }

            return credentials;
        }
        finally
        {
            keyGate.Release();
        }
    }

    private async Task<ApiKeyCredentials> CreateKeyAsync(ApiKeyPermissionsBody permissions, CancellationToken cancellationToken)
    {
        var demo = Sandbox.Options.Demo;
        var factory = Services.GetRequiredService<IAllexClientFactory>();
        var login = await factory.ForPublic(ExchangeUrl).LoginAsync(
            new LoginRequest { Email = demo.Email, Password = demo.Password, OtpCode = Otp(demo.TotpSecret) }, cancellationToken);
        var session = factory.ForSession(ExchangeUrl, new SessionToken(login.Token));
        await session.Security.RequestEmailConfirmationAsync(cancellationToken);
        var created = await session.Security.CreateApiKeyAsync(
            new CreateApiKeyRequest { Name = $"test {permissions}", OtpCode = Otp(demo.TotpSecret), EmailCode = Sandbox.EmailCodeOf(demo.Email)! },
            cancellationToken);
        await session.Security.RequestEmailConfirmationAsync(cancellationToken);
        await session.Security.UpdateApiKeyAsync(new UpdateApiKeyRequest
        {
            TokenId = created.Key.Id,
            OtpCode = Otp(demo.TotpSecret),
            EmailCode = Sandbox.EmailCodeOf(demo.Email)!,
            Permissions = permissions,
        }, cancellationToken);
        return created.Credentials;
    }

    private string Otp(string base32Secret) =>
        new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(Sandbox.Time.GetUtcNow().UtcDateTime);

    public override async ValueTask DisposeAsync()
    {
        keyGate.Dispose();
        await base.DisposeAsync();
    }
}
