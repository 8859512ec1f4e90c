using AllexPortal.Exchange.Security;
using AllexPortal.Web.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>Adding a connection checks the key against the (sandbox) exchange over HTTP before saving it.</summary>
public sealed class AddConnectionTests(SandboxPortal portal) : IClassFixture<SandboxPortal>
{
    private static readonly ApiKeyPermissionsBody ReadOnly = new(CanRead: true, CanTrade: false, CanWithdraw: false);
    private static readonly ApiKeyPermissionsBody Withdrawing = new(CanRead: true, CanTrade: false, CanWithdraw: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_only_key_is_saved_as_able_to_read_only()
    {
        var key = await portal.KeyWithAsync(ReadOnly, Token);
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();

        var added = await portal.Connections(scope).AddAsync(userId, "Read only", portal.ExchangeUrl.AbsoluteUri, key.ApiKey, key.ApiSecret, cancellationToken: Token);

        Assert.Equal((true, false, false), (added.CanRead, added.CanTrade, added.CanWithdraw));
        Assert.Equal(key.ApiKey[^4..], added.ApiKeyHint);
    }

    [Fact]
    public async Task The_demo_key_is_detected_as_able_to_read_and_trade_but_not_withdraw()
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var permissions = await portal.Connections(scope).CheckAsync(portal.ExchangeUrl.AbsoluteUri, portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret, Token);

        Assert.Equal(new KeyPermissions(CanRead: true, CanTrade: true, CanWithdraw: false), permissions);
    }

    [Fact]
    public async Task A_key_that_can_withdraw_is_detected_and_refused_without_confirmation()
    {
        var key = await portal.KeyWithAsync(Withdrawing, Token);
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        var permissions = await service.CheckAsync(portal.ExchangeUrl.AbsoluteUri, key.ApiKey, key.ApiSecret, Token);
        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            service.AddAsync(userId, "Risky", portal.ExchangeUrl.AbsoluteUri, key.ApiKey, key.ApiSecret, withdrawalConfirmed: false, Token));

        Assert.Equal(new KeyPermissions(CanRead: true, CanTrade: false, CanWithdraw: true), permissions);
        Assert.Contains("withdraw", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await service.ListAsync(userId, Token));
    }

    [Fact]
    public async Task A_confirmed_key_that_can_withdraw_is_saved_as_such()
    {
        var key = await portal.KeyWithAsync(Withdrawing, Token);
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();

        var added = await portal.Connections(scope).AddAsync(userId, "Risky", portal.ExchangeUrl.AbsoluteUri, key.ApiKey, key.ApiSecret, withdrawalConfirmed: true, Token);

        Assert.True(added.CanWithdraw);
    }

    [Fact]
    public async Task Checking_a_key_that_can_withdraw_moves_no_funds()
    {
        var key = await portal.KeyWithAsync(Withdrawing, Token);
        var email = portal.Sandbox.Options.Demo.Email;
        var before = (portal.Sandbox.BalancesOf(email), portal.Sandbox.WithdrawalsOf(email).Count);
        await using var scope = portal.Services.CreateAsyncScope();

        await portal.Connections(scope).CheckAsync(portal.ExchangeUrl.AbsoluteUri, key.ApiKey, key.ApiSecret, Token);

        Assert.Equal(before.Item2, portal.Sandbox.WithdrawalsOf(email).Count);
        Assert.Equal(before.Item1, portal.Sandbox.BalancesOf(email));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_a_message_about_the_credentials_that_does_not_repeat_them()
    {
        var userId = await portal.NewUserAsync();
        const string wrongSecret = "ffffffffffffffffffffffffffffffffffffffffffffffffff";
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            service.AddAsync(userId, "Typo", portal.ExchangeUrl.AbsoluteUri, portal.DemoKey.ApiKey, wrongSecret, cancellationToken: Token));

        Assert.Contains("did not accept the credentials", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.DemoKey.ApiKey, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await service.ListAsync(userId, Token));
    }

    [Fact]
    public async Task An_unreachable_exchange_is_refused_with_a_message_saying_so()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            portal.Connections(scope).AddAsync(userId, "Nowhere", SandboxPortal.ClosedPortExchange.AbsoluteUri, portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret, cancellationToken: Token));

        Assert.Contains("could not be reached", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "https://api.allex.online", "key", "secret", "label")]
    [InlineData("   ", "https://api.allex.online", "key", "secret", "label")]
    [InlineData("101 characters", "https://api.allex.online", "key", "secret", "100 characters")]
    [InlineData("Label", "api.allex.online", "key", "secret", "URL")]
    [InlineData("Label", "ftp://api.allex.online", "key", "secret", "URL")]
    [InlineData("Label", "https://user:pass@api.allex.online", "key", "secret", "URL")]
    [InlineData("Label", "https://api.allex.online", " ", "secret", "API key")]
    [InlineData("Label", "https://api.allex.online", "key", "", "API secret")]
    public async Task Invalid_input_is_refused_before_the_exchange_is_called(string label, string baseUrl, string apiKey, string apiSecret, string named)
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);
        var input = label == "101 characters" ? new string('x', 101) : label;

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            service.AddAsync(userId, input, baseUrl, apiKey, apiSecret, cancellationToken: Token));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await service.ListAsync(userId, Token));
    }

    [Fact]
    public async Task Input_is_trimmed_before_it_is_checked_and_saved()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();

        var added = await portal.Connections(scope).AddAsync(
            userId, "  Padded  ", $"  {portal.ExchangeUrl.AbsoluteUri} ", $" {portal.DemoKey.ApiKey} ", $"{portal.DemoKey.ApiSecret}\n", cancellationToken: Token);

        Assert.Equal("Padded", added.Label);
        Assert.Equal(portal.ExchangeUrl, added.BaseUrl);
        Assert.True(added.CanRead);
    }
}
