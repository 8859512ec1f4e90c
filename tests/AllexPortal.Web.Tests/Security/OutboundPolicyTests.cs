using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AllexPortal.Exchange.Errors;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// The portal's outbound policy as a new user meets it: a connection (or a "Check key") to anything but an allowed
/// exchange is refused with a clear message and no request leaves the portal for it; a row stored before the policy
/// is refused when used. The demo allows exactly its embedded sandbox; this fixture also allows one closed loopback
/// port, as an operator would list an exchange. Targets are loopback ports of a trap that counts connections, so a
/// refusal is shown to come before any socket; non-loopback forms are covered with an injected resolver in
/// AllexPortal.Exchange.Tests (SsrfTests).
/// </summary>
public sealed class OutboundPolicyTests(SandboxPortal portal) : IClassFixture<SandboxPortal>, IDisposable
{
    private const string Secret = "0f4c8a2e-secret-that-must-not-appear";
    private readonly Trap trap = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> ForbiddenBaseUrls => new()
    {
        "http://127.0.0.1:{trap}/sandbox/", "http://localhost:{trap}/sandbox", "http://127.0.0.1:{trap}/", "http://[::1]:{trap}/sandbox/",
        "http://[::ffff:127.0.0.1]:{trap}/sandbox/", "http://2130706433:{trap}/sandbox/", "http://0177.0.0.1:{trap}/sandbox/",
        "http://0x7f.1:{trap}/sandbox/", "http://127.0.0.1:{portal}/elsewhere/sandbox/", "http://localhost:{portal}/sandbox/",
    };

    [Theory]
    [MemberData(nameof(ForbiddenBaseUrls))]
    public async Task A_new_user_adding_a_connection_to_anything_but_an_allowed_exchange_is_refused_and_nothing_is_sent(string url)
    {
        var userId = await RegisteredUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var connections = portal.Connections(scope);

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            connections.AddAsync(userId, "Elsewhere", Expand(url), portal.DemoKey.ApiKey, Secret, cancellationToken: Token));

        Assert.Contains("This portal connects only to " + portal.ExchangeUrl.AbsoluteUri, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
        Assert.Empty(await connections.ListAsync(userId, Token));
    }

    [Theory]
    [MemberData(nameof(ForbiddenBaseUrls))]
    public async Task Check_key_is_no_port_scanner(string url)
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            portal.Connections(scope).CheckAsync(Expand(url), portal.DemoKey.ApiKey, Secret, Token));

        Assert.StartsWith("This portal connects only to", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task Check_key_on_an_allowed_but_closed_exchange_says_what_failed_without_the_transport_text()
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            portal.Connections(scope).CheckAsync(SandboxPortal.ClosedPortExchange.AbsoluteUri, portal.DemoKey.ApiKey, Secret, Token));

        Assert.Contains("could not be reached", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:1", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Connection refused", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_allowed_exchanges_are_the_embedded_sandbox_exactly_and_what_the_operator_listed()
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var allowed = portal.Connections(scope).AllowedExchanges;

        Assert.Equal([portal.ExchangeUrl, SandboxPortal.ClosedPortExchange], allowed);
    }

    [Fact]
    public async Task A_connection_stored_before_the_policy_is_refused_when_used_and_nothing_is_sent()
    {
        var userId = await portal.NewUserAsync();
        var id = await StoreRowAsync(userId, Expand("http://127.0.0.1:{trap}/sandbox/"));
        await using var scope = portal.Services.CreateAsyncScope();
        var client = await portal.Connections(scope).OpenClientAsync(userId, id, Token);

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(Token));

        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
        Assert.Equal(0, trap.Connections);
    }

    [Fact]
    public async Task The_exchange_csv_of_a_connection_stored_before_the_policy_is_refused_and_nothing_is_sent()
    {
        var email = await RegisteredEmailAsync();
        var userId = await portal.UserIdOfAsync(email);
        var id = await StoreRowAsync(userId, Expand("http://127.0.0.1:{trap}/sandbox/"));
        using var client = portal.CreateListeningClient();
        using var signIn = await client.SignInAsync(email);

        using var response = await client.GetAsync($"/history/exchange/{id}/trades.csv");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("not one this portal may call", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
    }

    public void Dispose() => trap.Dispose();

    private string Expand(string url) => url
        .Replace("{trap}", trap.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{portal}", portal.ExchangeUrl.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private async Task<string> RegisteredEmailAsync()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        using var client = portal.CreateListeningClient();
        using var response = await client.RegisterAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return email;
    }

    private async Task<string> RegisteredUserAsync() => await portal.UserIdOfAsync(await RegisteredEmailAsync());

    private async Task<Guid> StoreRowAsync(string userId, string baseUrl)
    {
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Label = "Stored before the policy",
            BaseUrl = baseUrl,
            ApiKeyHint = "",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CanRead = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        portal.Services.GetRequiredService<CredentialVault>().Seal(connection, portal.DemoKey);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        db.Connections.Add(connection);
        await db.SaveChangesAsync(Token);
        return connection.Id;
    }

    /// <summary>A loopback listener that only counts the connections made to it.</summary>
    private sealed class Trap : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int connections;

        public Trap()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref connections);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var socket = await listener.AcceptSocketAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
        }

        public void Dispose()
        {
            listener.Stop();
            listener.Dispose();
        }
    }
}
