using System.Net;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Exchange;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.History;

/// <summary>The exchange's own CSV passed through to the owner of a connection to the embedded sandbox.</summary>
public sealed class ExchangeCsvPassthroughTests(HistoryPortal portal) : IClassFixture<HistoryPortal>
{
    [Theory]
    [InlineData("trades.csv", "")]
    [InlineData("trades.csv", "?symbol=btc-usdt")]
    [InlineData("deposits.csv", "")]
    [InlineData("withdrawals.csv", "")]
    public async Task The_exchanges_csv_arrives_unchanged(string file, string filter)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddDemoConnectionAsync(userId, "Sandbox", cancellationToken);
        var exchangeCsv = await DirectlyAsync(file, filter.Length == 0 ? null : "btc-usdt", cancellationToken);

        using var response = await client.GetAsync($"/history/exchange/{connection}/{file}{filter}");
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.True(exchangeCsv.Count(c => c == '\n') > 5);
        Assert.Equal(exchangeCsv, body);
    }

    [Fact]
    public async Task Another_users_connection_is_refused_with_404()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, _) = await portal.SignedInAsync();
        using var __ = client;
        var stranger = await portal.NewUserAsync();
        var theirs = await portal.AddDemoConnectionAsync(stranger, "Theirs", cancellationToken);

        using var response = await client.GetAsync($"/history/exchange/{theirs}/trades.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("was not found", await response.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exchange_failure_is_a_clear_502_not_a_file()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddDemoConnectionAsync(userId, "Sandbox", cancellationToken);
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/deposits", ServerErrors = 20, ServerErrorStatus = 503 });
        try
        {
            using var response = await client.GetAsync($"/history/exchange/{connection}/deposits.csv");

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("could not be fetched", await response.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            portal.Sandbox.SetFaults(new FaultOptions());
        }
    }

    [Fact]
    public async Task A_connection_dropped_mid_file_never_ends_as_a_complete_download()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddDemoConnectionAsync(userId, "Sandbox", cancellationToken);
        var complete = await DirectlyAsync("trades.csv", null, cancellationToken);
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/trades", DroppedConnections = 20 });
        try
        {
            string? received = null;
            HttpStatusCode? status = null;
            try
            {
                using var response = await client.GetAsync($"/history/exchange/{connection}/trades.csv");
                status = response.StatusCode;
                received = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException)
            {
                // An aborted download is an acceptable answer: the browser shows it as failed.
            }

            Assert.True(status is null or HttpStatusCode.BadGateway, $"Answered {status} with {received?.Length} characters.");
            Assert.NotEqual(complete, received);
        }
        finally
        {
            portal.Sandbox.SetFaults(new FaultOptions());
        }
    }

    [Fact]
    public async Task Only_the_exchanges_own_exports_are_offered()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddDemoConnectionAsync(userId, "Sandbox", cancellationToken);

        using var response = await client.GetAsync($"/history/exchange/{connection}/balance.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The test's own call to the sandbox with the demo key, without the portal in between.</summary>
    private async Task<string> DirectlyAsync(string file, string? symbol, CancellationToken cancellationToken)
    {
        var demo = portal.Sandbox.Options.Demo;
        var exchange = portal.Services.GetRequiredService<IAllexClientFactory>()
            .ForApiKey(portal.Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
        await using var stream = file switch
        {
            "trades.csv" => await exchange.User.ExportTradesCsvAsync(symbol, cancellationToken: cancellationToken),
            "deposits.csv" => await exchange.User.ExportDepositsCsvAsync(symbol, cancellationToken: cancellationToken),
            _ => await exchange.User.ExportWithdrawalsCsvAsync(symbol, cancellationToken: cancellationToken),
        };
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
