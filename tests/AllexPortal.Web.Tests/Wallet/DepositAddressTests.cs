using AllexPortal.Web.Tests.Trading;
using AllexPortal.Web.Wallet;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Wallet;

/// <summary>Deposit addresses: existing ones through any connection's key, new ones through the exchange sign-in only.</summary>
public sealed class DepositAddressTests(TradingPortal portal) : IClassFixture<TradingPortal>, IAsyncDisposable
{
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private DepositAddresses Addresses => scope.ServiceProvider.GetRequiredService<DepositAddresses>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_address_is_created_with_the_exchange_sign_in()
    {
        var userId = await portal.NewUserAsync();
        var session = await portal.DemoSessionAsync();
        var sent = portal.Sandbox.RequestsTo("GET", "/v2/user/create-address");

        var created = await Addresses.CreateAsync(userId, session, "sol", "sol", Ct);

        Assert.Equal(("sol", "sol"), (created.Crypto, created.Network));
        Assert.False(string.IsNullOrWhiteSpace(created.Address));
        Assert.Equal(sent + 1, portal.Sandbox.RequestsTo("GET", "/v2/user/create-address"));
    }

    [Fact]
    public async Task Existing_addresses_are_read_through_a_read_only_connection()
    {
        var session = await portal.DemoSessionAsync();
        var created = await Addresses.CreateAsync("creator", session, "trx", "trx", Ct);
        var (userId, connectionId) = await portal.NewReaderAsync();

        var existing = await Addresses.ExistingAsync(userId, connectionId, Ct);

        Assert.Contains(existing, a => a.Currency == "trx" && a.Network == "trx" && a.Address == created.Address);
    }

    [Fact]
    public async Task The_address_qr_code_is_a_png_data_uri()
    {
        var qr = DepositAddresses.QrCodeOf("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE");

        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", qr, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
