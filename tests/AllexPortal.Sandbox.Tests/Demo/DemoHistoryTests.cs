using AllexPortal.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Sandbox.Tests.Demo;

/// <summary>The seeded demo history: consistent balances, plausible prices, determinism, speed.</summary>
public sealed class DemoHistoryTests(DemoSandboxFixture fixture) : IClassFixture<DemoSandboxFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

    private SandboxExchange Exchange => fixture.Server.Exchange;

    private string Demo => Exchange.Options.Demo.Email;

    [Fact]
    public void Demo_user_has_about_two_years_of_activity_across_several_pairs()
    {
        var trades = Exchange.TradesOf(Demo);

        Assert.True(trades.Count >= 3_000);
        Assert.InRange((Exchange.StartedAt - trades[0].Timestamp).TotalDays, 700, 731);
        Assert.True(trades.Select(t => t.Symbol).Distinct().Count() >= 5);
        Assert.True(Exchange.DepositsOf(Demo).Count >= 10);
        Assert.True(Exchange.WithdrawalsOf(Demo).Count >= 3);
    }

    [Fact]
    public void Balances_equal_deposits_minus_withdrawals_plus_trades_minus_fees()
    {
        var expected = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string coin, decimal amount) => expected[coin] = expected.GetValueOrDefault(coin) + amount;
        foreach (var deposit in Exchange.DepositsOf(Demo))
        {
            Add(deposit.Currency, deposit.Amount);
        }
        foreach (var withdrawal in Exchange.WithdrawalsOf(Demo))
        {
            Add(withdrawal.Currency, -withdrawal.Amount - withdrawal.Fee);
        }
        foreach (var trade in Exchange.TradesOf(Demo))
        {
            var (baseCoin, quote) = (trade.Symbol.Split('-')[0], trade.Symbol.Split('-')[1]);
            var sign = trade.Side == "buy" ? 1 : -1;
            Add(baseCoin, sign * trade.Size);
            Add(quote, -sign * trade.Size * trade.Price);
            Add(trade.FeeCoin, -trade.Fee);
        }

        var balances = Exchange.BalancesOf(Demo);

        Assert.All(balances, b => Assert.Equal(expected.GetValueOrDefault(b.Coin), b.Balance));
        Assert.All(balances, b => Assert.True(b.Available >= 0, $"{b.Coin} available {b.Available}"));
    }

    [Fact]
    public void Open_orders_hold_their_funds()
    {
        var open = Exchange.LiveOrdersOf(Demo).Where(o => o.Status == "new").ToList();
        var balances = Exchange.BalancesOf(Demo).ToDictionary(b => b.Coin);

        var heldByOrders = open.GroupBy(o => o.Side == "buy" ? o.Symbol.Split('-')[1] : o.Symbol.Split('-')[0])
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Side == "buy" ? o.Size * o.Price : o.Size));

        Assert.True(open.Count >= 3);
        Assert.All(balances.Values, b => Assert.Equal(heldByOrders.GetValueOrDefault(b.Coin), b.Balance - b.Available));
    }

    [Fact]
    public async Task Trade_prices_sit_on_the_pairs_price_chart_at_their_time()
    {
        using var api = new SandboxApi(fixture.Server);
        var sample = Exchange.TradesOf(Demo).Where((_, i) => i % 300 == 0).ToList();

        foreach (var trade in sample)
        {
            var minute = trade.Timestamp.ToUnixTimeSeconds() / 60 * 60;
            var candles = await api.GetJsonAsync($"v2/chart?symbol={trade.Symbol}&resolution=1&from={minute}&to={minute}");
            var candle = candles[0];
            Assert.InRange(trade.Price, candle.GetProperty("low").GetDecimal() * 0.998m, candle.GetProperty("high").GetDecimal() * 1.002m);
        }
    }

    [Fact]
    public void Same_seed_and_clock_give_the_same_history()
    {
        var options = SandboxApi.Options();
        var first = new SandboxExchange(options, new FakeTimeProvider(Now), NullLogger<SandboxExchange>.Instance);
        var second = new SandboxExchange(options, new FakeTimeProvider(Now), NullLogger<SandboxExchange>.Instance);

        Assert.Equal(first.TradesOf(options.Demo.Email), second.TradesOf(options.Demo.Email));
        Assert.Equal(first.DepositsOf(options.Demo.Email), second.DepositsOf(options.Demo.Email));
    }

    [Fact]
    public void Other_seed_gives_another_history()
    {
        var first = new SandboxExchange(SandboxApi.Options(), new FakeTimeProvider(Now), NullLogger<SandboxExchange>.Instance);
        var second = new SandboxExchange(SandboxApi.Options(o => o.Seed = 7), new FakeTimeProvider(Now), NullLogger<SandboxExchange>.Instance);

        Assert.NotEqual(first.TradesOf(first.Options.Demo.Email)[0], second.TradesOf(second.Options.Demo.Email)[0]);
    }

    [Fact]
    public void Million_trade_user_is_generated_in_full()
    {
        var options = SandboxApi.Options(o =>
        {
            o.Large.Enabled = true;
            o.Large.TradeCount = 1_000_000;
        });

        var exchange = new SandboxExchange(options, new FakeTimeProvider(Now), NullLogger<SandboxExchange>.Instance);

        Assert.Equal(1_000_000, exchange.TradesOf(options.Large.Email).Count);
    }
}
