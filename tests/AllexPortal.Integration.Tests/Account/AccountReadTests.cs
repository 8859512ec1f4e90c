using System.Text.Json;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Paging;
using AllexPortal.Integration.Tests.Infrastructure;

namespace AllexPortal.Integration.Tests.Account;

/// <summary>The account reads of the demo user through its HMAC key, compared with the sandbox's own records.</summary>
public sealed class AccountReadTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAllexUserApi User => sandbox.DemoKey.User;

    private string Email => sandbox.Demo.Email;

    [Fact]
    public async Task Profile_is_the_demo_user_with_2fa_and_deposit_addresses()
    {
        var profile = await User.GetProfileAsync(Ct);

        Assert.Equal(Email, profile.Email);
        Assert.True(profile.OtpEnabled);
        Assert.Equal(2, profile.VerificationLevel);
        Assert.NotEmpty(profile.Wallet);
    }

    [Fact]
    public async Task Balance_equals_the_sandbox_balances_including_funds_held_by_open_orders()
    {
        var balance = await User.GetBalanceAsync(Ct);
        var truth = sandbox.Exchange.BalancesOf(Email);

        Assert.All(truth, coin =>
        {
            Assert.Equal(coin.Available, balance[coin.Coin].Available);
            Assert.Equal(coin.Balance, balance[coin.Coin].Total);
        });
        Assert.Contains(balance.Coins, coin => coin.InOrders > 0m);
    }

    [Fact]
    public async Task A_trades_page_reports_the_sandbox_trade_count()
    {
        var page = await User.GetTradesAsync(paging: new PageQuery { Limit = 20, Page = 2 }, cancellationToken: Ct);

        Assert.Equal(sandbox.Exchange.TradesOf(Email).Count, page.Count);
        Assert.Equal(20, page.Data.Count);
    }

    [Fact]
    public async Task Reading_all_trades_returns_exactly_the_sandbox_trades_without_duplicates()
    {
        var truth = sandbox.Exchange.TradesOf(Email);

        var trades = await User.ReadAllTradesAsync(new HistoryFilter { PageSize = 100 }, Ct).ToListAsync(Ct);

        Assert.Equal(truth.Count, trades.Count);
        Assert.Equal(trades.Count, trades.Select(t => t.OrderId).Distinct().Count());
        Assert.Equal(
            truth.Select(t => (t.OrderId, t.Symbol, t.Size, t.Price, t.Fee)).Order(),
            trades.Select(t => (t.OrderId!, t.Symbol, t.Size, t.Price, t.Fee!.Value)).Order());
    }

    [Fact]
    public async Task Reading_one_pairs_trades_returns_only_that_pair()
    {
        var expected = sandbox.Exchange.TradesOf(Email).Count(t => t.Symbol == "eth-btc");

        var trades = await User.ReadAllTradesAsync(new HistoryFilter { Symbol = "eth-btc" }, Ct).ToListAsync(Ct);

        Assert.Equal(expected, trades.Count);
        Assert.All(trades, t => Assert.Equal("eth-btc", t.Symbol));
    }

    [Fact]
    public async Task Deposits_page_and_reading_all_match_the_sandbox_deposits()
    {
        var truth = sandbox.Exchange.DepositsOf(Email);

        var page = await User.GetDepositsAsync(paging: new PageQuery { Limit = 5 }, status: true, cancellationToken: Ct);
        var all = await User.ReadAllDepositsAsync(new HistoryFilter { PageSize = 7 }, Ct).ToListAsync(Ct);

        Assert.Equal(truth.Count(d => d.Status), page.Count);
        Assert.Equal(5, page.Data.Count);
        Assert.Equal(truth.Select(d => (long)d.Id).Order(), all.Select(d => d.Id).Order());
        Assert.Equal(truth.Sum(d => d.Amount), all.Sum(d => d.Amount));
    }

    [Fact]
    public async Task Withdrawals_page_and_reading_all_match_the_sandbox_withdrawals()
    {
        var truth = sandbox.Exchange.WithdrawalsOf(Email);
        var one = truth[0];

        var byTransaction = await User.GetWithdrawalsAsync(one.Currency, transactionId: one.TransactionId, cancellationToken: Ct);
        var all = await User.ReadAllWithdrawalsAsync(new HistoryFilter { PageSize = 3 }, Ct).ToListAsync(Ct);

        Assert.Equal(one.Id, Assert.Single(byTransaction.Data).Id);
        Assert.Equal(one.Amount, byTransaction.Data[0].Amount);
        Assert.Equal(one.Fee, byTransaction.Data[0].Fee);
        Assert.Equal(truth.Select(w => (long)w.Id).Order(), all.Select(w => w.Id).Order());
    }

    [Fact]
    public async Task Csv_exports_hold_one_row_per_sandbox_record()
    {
        var trades = await CsvRowsAsync(User.ExportTradesCsvAsync("btc-usdt", cancellationToken: Ct), "side,symbol,size,price");
        var deposits = await CsvRowsAsync(User.ExportDepositsCsvAsync("usdt", cancellationToken: Ct), "id,type,currency,amount");
        var withdrawals = await CsvRowsAsync(User.ExportWithdrawalsCsvAsync(cancellationToken: Ct), "id,type,currency,amount");

        Assert.Equal(sandbox.Exchange.TradesOf(Email).Count(t => t.Symbol == "btc-usdt"), trades.Count);
        Assert.Equal(sandbox.Exchange.DepositsOf(Email).Count(d => d.Currency == "usdt"), deposits.Count);
        Assert.Equal(sandbox.Exchange.WithdrawalsOf(Email).Count, withdrawals.Count);
    }

    [Fact]
    public async Task Maximum_withdrawal_is_the_available_balance_less_the_fee()
    {
        var available = sandbox.Exchange.BalancesOf(Email).Single(b => b.Coin == "usdt").Available;
        var fee = (await sandbox.Public.GetWithdrawalFeeAsync("usdt", Ct)).Fee!.Value;

        var max = await User.GetMaxWithdrawalAsync("usdt", cancellationToken: Ct);

        Assert.Equal(available - fee, max.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Balance_history_is_offered_with_daily_snapshots()
    {
        var direct = await User.GetBalanceHistoryAsync(new PageQuery { Limit = 10 }, Ct);
        var optional = await User.TryGetBalanceHistoryAsync(new HistoryFilter { PageSize = 10 }, cancellationToken: Ct);

        Assert.True(direct.Count > 700);
        Assert.Equal(10, direct.Data.Count);
        Assert.True(optional.IsOffered);
        Assert.Equal(direct.Count, optional.Value!.Count);
        Assert.All(direct.Data, snapshot => Assert.True(snapshot.Total > 0m));
    }

    [Fact]
    public async Task Profit_and_loss_is_offered_for_the_asked_period()
    {
        var direct = await User.GetProfitAndLossAsync(7, Ct);
        var optional = await User.TryGetProfitAndLossAsync(90, Ct);

        Assert.Equal(["7"], direct.Values.Keys);
        Assert.Equal(JsonValueKind.Number, direct.Values["7"].GetProperty("total").ValueKind);
        Assert.True(optional.IsOffered);
        Assert.Equal(["90"], optional.Value!.Values.Keys);
    }

    private static async Task<List<string>> CsvRowsAsync(Task<Stream> export, string headerStart)
    {
        var lines = (await export.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.StartsWith(headerStart, lines[0], StringComparison.Ordinal);
        return lines[1..];
    }
}
