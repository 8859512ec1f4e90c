using System.Text.Json;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Json;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Exchange.Tests.Json;

/// <summary>Every sample response of the seed document reads into the typed models with exact decimals.</summary>
public class SeedSampleTests
{
    private static readonly AllexJsonContext Json = AllexJson.Context;

    [Fact]
    public void Health_sample_reads_name_version_and_status()
    {
        var health = JsonSerializer.Deserialize(SeedSamples.Health, Json.HealthStatus)!;

        Assert.Equal(("hollaex-kit", "2.17.4", "allex.online", "/v2", true), (health.Name, health.Version, health.Host, health.BasePath, health.Status));
        Assert.Null(health.Domain);
    }

    [Fact]
    public void Constants_sample_reads_coins_and_pairs()
    {
        var constants = JsonSerializer.Deserialize(SeedSamples.Constants, Json.ExchangeConstants)!;

        Assert.Equal(["btc", "eth"], constants.Coins.Keys.Order());
        Assert.Equal("Bitcoin", constants.Coins["btc"].Fullname);
        Assert.False(constants.Coins["eth"].AllowWithdrawal);
        Assert.Equal(("btc", "usdt", true), (constants.Pairs["btc-usdt"].PairBase, constants.Pairs["btc-usdt"].Pair2, constants.Pairs["btc-usdt"].Active));
    }

    [Fact]
    public void Ticker_sample_wrapped_by_symbol_reads_prices_exactly()
    {
        var ticker = JsonSerializer.Deserialize(SeedSamples.Ticker, Json.Ticker)!;

        Assert.Equal("btc-usdt", ticker.Symbol);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), ticker.Time);
        Assert.Equal((69500m, 70200m, 68800m, 69031m, 69031m, 6589.42m), (ticker.Open, ticker.High, ticker.Low, ticker.Close, ticker.Last, ticker.Volume));
    }

    [Fact]
    public void Tickers_sample_reads_every_pair()
    {
        var tickers = JsonSerializer.Deserialize(SeedSamples.Tickers, Json.IReadOnlyDictionaryStringTicker)!;

        Assert.Equal(2070.98m, tickers["eth-usdt"].Close);
        Assert.Equal(154321.5m, tickers["eth-usdt"].Volume);
        Assert.Null(tickers["btc-usdt"].Last);
    }

    [Fact]
    public void Order_book_sample_reads_price_size_pairs()
    {
        var books = JsonSerializer.Deserialize(SeedSamples.OrderBook, Json.IReadOnlyDictionaryStringOrderBook)!;

        var book = books["btc-usdt"];
        Assert.Equal([new OrderBookLevel(69000m, 0.5m), new OrderBookLevel(68990m, 1.2m)], book.Bids);
        Assert.Equal([new OrderBookLevel(69050m, 0.3m), new OrderBookLevel(69060m, 0.8m)], book.Asks);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), book.Timestamp);
    }

    [Fact]
    public void Public_trades_sample_reads_side_size_and_price()
    {
        var trades = JsonSerializer.Deserialize(SeedSamples.PublicTrades, Json.IReadOnlyDictionaryStringIReadOnlyListPublicTrade)!;

        var first = trades["btc-usdt"][0];
        Assert.Equal((0.05m, 69031m, OrderSide.Buy), (first.Size, first.Price, first.Side));
        Assert.Equal(OrderSide.Sell, trades["btc-usdt"][1].Side);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 12, 0, 5, TimeSpan.Zero), first.Timestamp);
    }

    [Fact]
    public void Chart_sample_reads_candles()
    {
        var candles = JsonSerializer.Deserialize(SeedSamples.Chart, Json.IReadOnlyListCandle)!;

        Assert.Equal(2, candles.Count);
        Assert.Equal((69031m, 69300m, 68900m, 69100m, 987.2m), (candles[1].Open, candles[1].High, candles[1].Low, candles[1].Close, candles[1].Volume));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 1, 0, 0, TimeSpan.Zero), candles[1].Time);
    }

    [Theory]
    [InlineData(SeedSamples.Signup, "Account created. Please verify your email.")]
    [InlineData(SeedSamples.VerifyToken, "Token is valid")]
    [InlineData(SeedSamples.WithdrawalRequested, "Withdrawal request submitted. Please check your email to confirm.")]
    public void Message_samples_read_the_message(string sample, string expected)
    {
        var message = JsonSerializer.Deserialize(sample, Json.MessageResponse)!;

        Assert.Equal(expected, message.Message);
    }

    [Fact]
    public void Login_sample_reads_the_token()
    {
        var login = JsonSerializer.Deserialize(SeedSamples.Login, Json.LoginResponse)!;

        Assert.Equal("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...", login.Token);
    }

    [Fact]
    public void User_sample_reads_profile_and_embedded_balance()
    {
        var user = JsonSerializer.Deserialize(SeedSamples.User, Json.UserProfile)!;

        Assert.Equal((1L, "John Doe", 2, true), (user.Id, user.FullName, user.VerificationLevel, user.OtpEnabled));
        Assert.Equal(new CoinBalance("usdt", 10000m, 10500m), user.Balance!["usdt"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), user.CreatedAt);
    }

    [Fact]
    public void Balance_sample_reads_as_typed_coins_with_amount_in_orders()
    {
        var balance = JsonSerializer.Deserialize(SeedSamples.Balance, Json.Balances)!;

        Assert.Equal(["btc", "eth", "usdt"], balance.Coins.Select(c => c.Coin));
        Assert.Equal((0.5m, 0.52m, 0.02m), (balance["btc"].Available, balance["btc"].Total, balance["btc"].InOrders));
        Assert.Equal(500m, balance["usdt"].InOrders);
        Assert.Equal(0m, balance["eth"].InOrders);
    }

    [Fact]
    public void User_trades_sample_reads_count_and_fills()
    {
        var page = JsonSerializer.Deserialize(SeedSamples.UserTrades, Json.PagedUserTrade)!;

        Assert.Equal(142, page.Count);
        var trade = Assert.Single(page.Data);
        Assert.Equal((OrderSide.Buy, "btc-usdt", 0.01m, 69031m, 0.69m), (trade.Side, trade.Symbol, trade.Size, trade.Price, trade.Fee));
    }

    [Fact]
    public void Create_address_sample_reads_the_address()
    {
        var address = JsonSerializer.Deserialize(SeedSamples.CreateAddress, Json.DepositAddress)!;

        Assert.Equal(("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "btc", "btc"), (address.Address, address.Crypto, address.Network));
    }

    [Fact]
    public void Deposits_sample_reads_a_completed_transaction()
    {
        var page = JsonSerializer.Deserialize(SeedSamples.Deposits, Json.PagedTransaction)!;

        Assert.Equal(15, page.Count);
        var deposit = Assert.Single(page.Data);
        Assert.Equal((42L, "btc", 0.1m, 0m, TransactionState.Completed), (deposit.Id, deposit.Currency, deposit.Amount, deposit.Fee, deposit.State));
    }

    [Fact]
    public void Withdrawal_fee_sample_reads_the_fee_exactly()
    {
        var fee = JsonSerializer.Deserialize(SeedSamples.WithdrawalFee, Json.WithdrawalFee)!;

        Assert.Equal(0.0005m, fee.Fee);
    }

    [Fact]
    public void Created_order_sample_reads_an_open_limit_order()
    {
        var order = JsonSerializer.Deserialize(SeedSamples.CreatedOrder, Json.Order)!;

        Assert.Equal((OrderSide.Buy, "limit", 0.001m, 68000m, 0m, "new"), (order.Side, order.Type, order.Size, order.Price, order.Filled, order.Status));
        Assert.True(order.IsOpen);
    }

    [Fact]
    public void Canceled_order_sample_reads_as_closed()
    {
        var order = JsonSerializer.Deserialize(SeedSamples.CanceledOrder, Json.Order)!;

        Assert.Equal("canceled", order.Status);
        Assert.False(order.IsOpen);
    }

    [Fact]
    public void Orders_sample_reads_count_and_orders()
    {
        var page = JsonSerializer.Deserialize(SeedSamples.Orders, Json.PagedOrder)!;

        Assert.Equal(3, page.Count);
        Assert.Equal(68000m, Assert.Single(page.Data).Price);
    }

    [Fact]
    public void Otp_sample_reads_the_secret_but_does_not_print_it()
    {
        var otp = JsonSerializer.Deserialize(SeedSamples.OtpSecret, Json.OtpSecret)!;

        Assert.Equal("JBSWY3DPEHPK3PXP", otp.Secret);
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", otp.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Api_key_list_sample_reads_nested_permissions()
    {
        var list = JsonSerializer.Deserialize(SeedSamples.ApiKeys, Json.ApiKeyList)!;

        var key = Assert.Single(list.Keys);
        Assert.Equal((1L, "Trading Bot", "ak_...", true), (key.Id, key.Name, key.ApiKey, key.Active));
        Assert.Equal(new ApiKeyPermissions(CanRead: true, CanTrade: true, CanWithdraw: false), key.Permissions);
    }

    [Fact]
    public void Created_api_key_sample_reads_the_one_time_secret()
    {
        var created = JsonSerializer.Deserialize(SeedSamples.CreatedApiKey, Json.CreatedApiKey)!;

        Assert.Equal(("ak_abc123...", "sk_xyz789..."), (created.Credentials.ApiKey, created.Credentials.ApiSecret));
        Assert.True(created.Key.Permissions.CanTrade);
        Assert.DoesNotContain("sk_xyz789", created.ToString(), StringComparison.Ordinal);
    }
}
