using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Reports;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>The report service over real SQLite: which rows a report reads, the cache and its invalidation, cancellation and ownership.</summary>
public sealed class ReportJobsTests(ReportsPortal portal) : IClassFixture<ReportsPortal>
{
    private static readonly DateTimeOffset Jan2025 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportPeriod Year2025 = new TaxYear(2025).Period;

    [Fact]
    public async Task A_report_reads_only_the_chosen_connections_and_lists_only_the_periods_transactions()
    {
        var userId = await portal.NewUserAsync();
        var chosen = await portal.NewConnectionAsync(userId, "Chosen");
        var other = await portal.NewConnectionAsync(userId, "Other");
        await portal.AddTradeAsync(chosen, Jan2025.AddDays(-10), OrderSide.Buy, 1m, 100m);
        await portal.AddTradeAsync(chosen, Jan2025.AddDays(10), OrderSide.Sell, 0.5m, 300m);
        await portal.AddTradeAsync(chosen, Jan2025.AddYears(1).AddDays(1), OrderSide.Sell, 0.5m, 900m);
        await portal.AddTradeAsync(other, Jan2025.AddDays(20), OrderSide.Sell, 5m, 1000m);

        var job = await portal.ComputeAsync(userId, new ReportRequest([chosen], Year2025, CostBasisMethod.Fifo));

        var result = Assert.IsType<ComputedReport>(job.Result);
        var disposal = Assert.Single(result.Report.Disposals);
        Assert.Equal((150m, 50m), (disposal.Proceeds, disposal.CostBasis));
        var transaction = Assert.Single(result.Transactions);
        Assert.Equal(("Chosen", Jan2025.AddDays(10)), (transaction.Account, transaction.Time));
        Assert.Equal(0.5m, Assert.Single(result.Report.RemainingLots).Quantity);
    }

    [Fact]
    public async Task Fills_and_transfers_share_one_ledger_id_space_so_equal_row_ids_at_one_instant_both_count()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        var at = Jan2025.AddDays(3);
        var row = 1_000_000 + Random.Shared.NextInt64(1_000_000);
        await portal.AddTradeAsync(connection, at, OrderSide.Buy, 1m, 100m, id: row);
        await portal.AddTransferAsync(connection, at, TransferDirection.Deposit, 2m, "btc", id: row);

        var job = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));

        Assert.Equal(
            [ReportLedger.TradeLedgerId(row), ReportLedger.TransferLedgerId(row)],
            job.Result!.Transactions.Select(t => t.LedgerId));
        Assert.Equal(3m, job.Result.Report.RemainingLots.Sum(l => l.Quantity));
    }

    [Fact]
    public async Task Pending_cancelled_and_failed_transfers_move_nothing()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTransferAsync(connection, Jan2025.AddDays(1), TransferDirection.Deposit, 1m, "eth");
        await portal.AddTransferAsync(connection, Jan2025.AddDays(2), TransferDirection.Deposit, 5m, "eth", TransactionState.Pending);
        await portal.AddTransferAsync(connection, Jan2025.AddDays(3), TransferDirection.Withdrawal, 1m, "eth", TransactionState.Canceled);
        await portal.AddTransferAsync(connection, Jan2025.AddDays(4), TransferDirection.Withdrawal, 1m, "eth", TransactionState.Failed);

        var job = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));

        Assert.Equal(TransactionKind.Deposit, Assert.Single(job.Result!.Transactions).Kind);
        Assert.Equal(1m, Assert.Single(job.Result.Report.RemainingLots).Quantity);
    }

    [Fact]
    public async Task The_same_request_over_an_unchanged_ledger_is_served_from_the_cache()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, Jan2025.AddDays(1), OrderSide.Buy, 1m, 100m);
        await portal.MarkChangedAsync(connection, Jan2025.AddDays(2));
        var first = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));

        var second = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));

        Assert.True(second.FromCache);
        Assert.Equal(first.Result!.Id, second.Result!.Id);
    }

    [Fact]
    public async Task A_sync_that_moves_last_change_at_makes_the_next_request_recompute()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, Jan2025.AddDays(1), OrderSide.Buy, 1m, 100m);
        await portal.MarkChangedAsync(connection, Jan2025.AddDays(2));
        var first = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));
        await portal.AddTradeAsync(connection, Jan2025.AddDays(5), OrderSide.Sell, 1m, 150m);
        await portal.MarkChangedAsync(connection, Jan2025.AddDays(6), LedgerKind.Deposits);

        var second = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));

        Assert.False(second.FromCache);
        Assert.NotEqual(first.Result!.Id, second.Result!.Id);
        Assert.Equal(50m, second.Result.Report.Totals.Gain);
    }

    [Fact]
    public async Task A_different_method_or_currency_is_a_different_report()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, Jan2025.AddDays(1), OrderSide.Buy, 1m, 100m);
        var fifo = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo));

        var lifo = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Lifo));
        var inBtc = await portal.ComputeAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo) { Currency = new Asset("btc") });

        Assert.False(lifo.FromCache);
        Assert.False(inBtc.FromCache);
        Assert.Equal(fifo.Result!.Id, portal.Cache.Get(userId, fifo.Result.Id)!.Id);
    }

    [Fact]
    public async Task Cancelling_a_running_report_ends_it_cancelled_and_caches_nothing()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, Jan2025.AddDays(1), OrderSide.Buy, 1m, 0.05m, "eth-btc");
        var request = new ReportRequest([connection], Year2025, CostBasisMethod.Fifo);
        portal.Prices.Shut();
        try
        {
            var job = await portal.Jobs.StartAsync(userId, request, TestContext.Current.CancellationToken);
            await portal.Prices.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.Equal(ReportJobStatus.Running, job.Status);

            job.Cancel();
            await job.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal((ReportJobStatus.Cancelled, null), (job.Status, job.Result));
            Assert.Null(portal.Cache.Find(userId, request, (await portal.Ledger.OwnedAsync(userId, [connection], TestContext.Current.CancellationToken)).Stamp));
        }
        finally
        {
            portal.Prices.Open();
        }
    }

    [Fact]
    public async Task A_new_request_cancels_the_users_running_one()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, Jan2025.AddDays(1), OrderSide.Buy, 1m, 0.05m, "eth-btc");
        portal.Prices.Shut();
        ReportJob first;
        ReportJob second;
        try
        {
            first = await portal.Jobs.StartAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Fifo), TestContext.Current.CancellationToken);
            await portal.Prices.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            second = await portal.Jobs.StartAsync(userId, new ReportRequest([connection], Year2025, CostBasisMethod.Lifo), TestContext.Current.CancellationToken);
            await first.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        finally
        {
            portal.Prices.Open();
        }

        await second.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal((ReportJobStatus.Cancelled, ReportJobStatus.Completed), (first.Status, second.Status));
        Assert.Same(second, portal.Jobs.Current(userId));
    }

    [Fact]
    public async Task Another_users_connection_is_refused_before_anything_runs()
    {
        var owner = await portal.NewUserAsync();
        var intruder = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(owner);
        var mine = await portal.NewConnectionAsync(intruder);

        await Assert.ThrowsAsync<ConnectionNotFoundException>(() => portal.Jobs.StartAsync(
            intruder, new ReportRequest([mine, connection], Year2025, CostBasisMethod.Fifo), TestContext.Current.CancellationToken));

        Assert.Null(portal.Jobs.Current(intruder));
    }

    [Fact]
    public async Task Choices_list_the_users_connections_years_and_coins()
    {
        var userId = await portal.NewUserAsync();
        var synced = await portal.NewConnectionAsync(userId, "Synced");
        await portal.NewConnectionAsync(userId, "Empty");
        await portal.AddTradeAsync(synced, new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero), OrderSide.Buy, 1m, 0.05m, "eth-btc");

        var choices = await portal.Ledger.ChoicesAsync(userId, TestContext.Current.CancellationToken);

        Assert.Equal([("Synced", true), ("Empty", false)], choices.Connections.Select(c => (c.Label, c.HasLedger)));
        Assert.Equal(2023, choices.Years[^1]);
        Assert.Equal(["usdt", "btc", "eth"], choices.Currencies);
    }
}
