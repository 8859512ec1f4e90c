using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Configuration = AllexPortal.Exchange.Configuration;

namespace AllexPortal.Exchange.Tests.Registration;

public class RegistrationTests
{
    [Fact]
    public async Task Injected_public_api_calls_the_configured_base_url()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/health", 200, """{"name":"hollaex-kit","version":"2.17.4","status":true}""");
        var api = stub.Services.GetRequiredService<IAllexPublicApi>();

        var health = await api.GetHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal("2.17.4", health.Version);
        Assert.Single(stub.Calls("/v2/health"));
    }

    [Fact]
    public async Task Factory_client_reaches_an_exchange_mounted_under_a_path_prefix()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/sandbox/v2/user/balance", 200, """{"user_id":9,"usdt_available":100,"usdt_balance":150,"usdt_pending":5}""");
        var factory = stub.Services.GetRequiredService<IAllexClientFactory>();
        var client = factory.ForApiKey(new Uri(stub.BaseUrl, "/sandbox/"), new ApiKeyCredentials("key-abcd", "secret"));

        var balance = await client.User.GetBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Exchange.Account.CoinBalance("usdt", 100m, 150m, 5m), balance["usdt"]);
        Assert.Equal(50m, balance["usdt"].InOrders);
    }

    [Fact]
    public async Task Csv_export_is_streamed_through_unchanged()
    {
        await using var stub = new ExchangeStub();
        const string Csv = "side,symbol,size,price\nbuy,btc-usdt,0.01,69031\n";
        stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/user/trades").WithParam("format", "csv").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202).WithHeader("Content-Type", "text/csv").WithBody(Csv));
        var client = stub.Factory.ForApiKey(stub.BaseUrl, new ApiKeyCredentials("key-abcd", "secret"));

        await using var stream = await client.User.ExportTradesCsvAsync(symbol: "btc-usdt", cancellationToken: TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);

        Assert.Equal(Csv, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Invalid_options_fail_validation()
    {
        var services = new ServiceCollection();
        services.AddAllexClient(o => o.RequestsPerSecond = 0);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Configuration.AllexClientOptions>>().Value);

        Assert.Contains("RequestsPerSecond", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.allex.online", "https://api.allex.online/v2", "")]
    [InlineData("https://api.allex.online/v2/", "https://api.allex.online/v2", "")]
    [InlineData("http://localhost:5000/sandbox/", "http://localhost:5000/sandbox/v2", "/sandbox")]
    public void Base_url_gets_v2_appended_once(string baseUrl, string apiRoot, string unsignedPrefix)
    {
        var apiBase = Configuration.AllexApiBase.From(new Uri(baseUrl));

        Assert.Equal(new Uri(apiRoot), apiBase.ApiRoot);
        Assert.Equal(unsignedPrefix, apiBase.UnsignedPrefix);
    }
}
