using AllexPortal.Core.Holdings;
using AllexPortal.Core.Portfolio;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Web.Connections;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Values a user's connections for the dashboard. Scoped per circuit: it remembers the last good balance of each
/// connection and the last good market data of each exchange, so a failing exchange (timeout, 429, 5xx, bad
/// credentials) leaves the previous values on screen marked stale instead of blanking them. A new circuit (a
/// reload) has no such memory yet, so a connection that fails before its first good load falls back to its
/// newest <see cref="ValuationSnapshot"/>: its holdings, priced from the shared market data where that loads,
/// else its recorded usdt total. Each load makes one
/// balance call per connection; public data comes from <see cref="MarketData"/>'s shared cache. Fresh results
/// are recorded as view snapshots (usdt), and each connection's balance history is copied once where offered. A
/// connection whose ledger is complete has its rebuilt holdings compared with the fresh balance
/// (<see cref="PortfolioOverview.LedgerDifferences"/>).
/// </summary>
public sealed class PortfolioService(
    ConnectionService connections,
    MarketData market,
    SnapshotStore snapshots,
    LedgerHoldings ledger,
    TimeProvider time,
    IOptions<PortfolioOptions> options,
    ILogger<PortfolioService> logger)
{
    private readonly Dictionary<Guid, (IReadOnlyList<Holding> Holdings, DateTimeOffset At)> lastBalances = [];
    private readonly Dictionary<(Uri Exchange, string Quote), MarketView> lastMarkets = [];
    private readonly HashSet<Guid> backfillTried = [];
    private readonly Dictionary<Guid, decimal> snapshotTotals = [];
    private readonly Dictionary<Guid, (DateTimeOffset ChangedAt, IReadOnlyDictionary<string, decimal> Holdings)> ledgerHoldings = [];

    /// <summary>Loads and values every connection of <paramref name="userId"/>'s personal workspace in <paramref name="quote"/>.</summary>
    public Task<PortfolioOverview> LoadAsync(string userId, string quote, decimal dustThreshold, CancellationToken cancellationToken) =>
        LoadAsync(userId, null, quote, dustThreshold, cancellationToken);

    /// <summary>
    /// Loads and values every connection of <paramref name="workspaceId"/> (null: the user's personal workspace) in
    /// <paramref name="quote"/>: a team's dashboard aggregates the team's connections.
    /// </summary>
    /// <exception cref="Access.AccessDeniedException">Not a member of that workspace.</exception>
    public async Task<PortfolioOverview> LoadAsync(
        string userId, Guid? workspaceId, string quote, decimal dustThreshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        quote = quote.ToLowerInvariant();
        var now = time.GetUtcNow();
        var summaries = await connections.ListAsync(userId, workspaceId, cancellationToken);
        var failures = new Dictionary<Guid, ConnectionFailure>();
        var fresh = new HashSet<Guid>();
        foreach (var connection in summaries)
        {
            if (await FetchBalanceAsync(userId, connection, now, cancellationToken) is { } failure)
            {
                failures[connection.Id] = failure;
                if (!lastBalances.ContainsKey(connection.Id))
                {
                    await RestoreFromSnapshotAsync(connection.Id, cancellationToken);
                }
            }
            else
            {
                fresh.Add(connection.Id);
                snapshotTotals.Remove(connection.Id);
            }
        }

        var results = new List<ConnectionPortfolio>();
        var choices = new SortedSet<string>(StringComparer.Ordinal) { SnapshotStore.Quote };
        var combinedHoldings = new List<Holding>();
        var markets = new List<MarketView>();
        var unpricedHoldings = new List<Holding>();
        var unpricedUsdt = 0m;
        decimal? usdtRate = quote == SnapshotStore.Quote ? 1m : null;
        foreach (var exchange in summaries.GroupBy(c => c.BaseUrl))
        {
            var held = exchange.Where(c => lastBalances.ContainsKey(c.Id)).ToList();
            var coins = held.SelectMany(c => lastBalances[c.Id].Holdings).Where(h => h.Total != 0m).Select(h => h.Coin).Append(SnapshotStore.Quote).ToHashSet(StringComparer.Ordinal);
            var (view, marketFailure) = await MarketAsync(exchange.Key, coins, quote, now, cancellationToken);
            if (view is not null)
            {
                markets.Add(view);
                choices.UnionWith(view.Names.Keys);
                usdtRate ??= view.PricesInQuote.TryGetValue(SnapshotStore.Quote, out var rate) ? rate : null;
            }

            foreach (var connection in exchange)
            {
                var failure = failures.GetValueOrDefault(connection.Id) ?? marketFailure;
                if (!lastBalances.TryGetValue(connection.Id, out var balance))
                {
                    results.Add(new ConnectionPortfolio(connection, null, null, failure));
                    continue;
                }

                if (view is null)
                {
                    if (snapshotTotals.TryGetValue(connection.Id, out var totalUsdt))
                    {
                        results.Add(new ConnectionPortfolio(connection, Unpriced(balance.Holdings, quote, totalUsdt), balance.At, failure));
                        unpricedHoldings.AddRange(balance.Holdings);
                        unpricedUsdt += totalUsdt;
                    }
                    else
                    {
                        results.Add(new ConnectionPortfolio(connection, null, null, failure));
                    }

                    continue;
                }

                results.Add(new ConnectionPortfolio(connection, Value(balance.Holdings, quote, view, view.PricesInQuote, dustThreshold), balance.At, failure));
                combinedHoldings.AddRange(balance.Holdings);
                if (fresh.Contains(connection.Id) && marketFailure is null)
                {
                    await RecordViewSnapshotAsync(connection.Id, balance.Holdings, view, now, cancellationToken);
                }
            }
        }

        var merged = markets.Count == 0 ? null : Merge(markets);
        var combined = merged is null
            ? Unpriced(unpricedHoldings, quote, unpricedUsdt)
            : Value(combinedHoldings, quote, merged, merged.PricesInQuote, dustThreshold);
        var differences = new List<ConnectionLedgerDifference>();
        foreach (var connection in summaries.Where(c => fresh.Contains(c.Id)))
        {
            if (await CompareWithLedgerAsync(connection, lastBalances[connection.Id].Holdings, cancellationToken) is { Differences.Count: > 0 } difference)
            {
                differences.Add(difference);
            }
        }

        return new PortfolioOverview(quote, results, combined, [.. choices], usdtRate, now) { LedgerDifferences = differences };
    }

    /// <summary>The summed usdt value over <paramref name="range"/> of connections the caller has already loaded for the user.</summary>
    public async Task<IReadOnlyList<ValuePoint>> HistoryAsync(PortfolioOverview overview, HistoryRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var from = range.StartBefore(time.GetUtcNow());
        var series = await snapshots.SeriesAsync([.. overview.Connections.Select(c => c.Connection.Id)], from, cancellationToken);
        return ValueHistory.Combine(series, from);
    }

    /// <summary>
    /// The connection's complete ledger against the balance just loaded. The ledger's holdings are rebuilt once per
    /// circuit and again only when a sync changed the ledger.
    /// </summary>
    private async Task<ConnectionLedgerDifference?> CompareWithLedgerAsync(
        ConnectionSummary connection, IReadOnlyList<Holding> balance, CancellationToken cancellationToken)
    {
        if (await ledger.CompleteAsOfAsync(connection.Id, cancellationToken) is not { } stamp)
        {
            return null;
        }

        if (!ledgerHoldings.TryGetValue(connection.Id, out var rebuilt) || rebuilt.ChangedAt != stamp.ChangedAt)
        {
            rebuilt = (stamp.ChangedAt, await ledger.CurrentAsync(connection.Id, cancellationToken));
            ledgerHoldings[connection.Id] = rebuilt;
        }

        return new ConnectionLedgerDifference(
            connection.Id, connection.Label, stamp.SyncedAt, HoldingsComparison.Differences(rebuilt.Holdings, AmountsOf(balance)));
    }

    private async Task<ConnectionFailure?> FetchBalanceAsync(string userId, ConnectionSummary connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var client = await connections.OpenClientAsync(userId, connection.Id, cancellationToken);
            var balance = await client.User.GetBalanceAsync(cancellationToken);
            lastBalances[connection.Id] = ([.. balance.Coins.Select(c => new Holding(c.Coin, c.Available, c.Total))], now);
            if (connection.LastError is not null)
            {
                await connections.RecordOutcomeAsync(userId, connection.Id, null, cancellationToken);
            }

            await BackfillOnceAsync(connection.Id, client, cancellationToken);
            return null;
        }
        catch (Exception failure) when (failure is ExchangeApiException or ConnectionCredentialsUnreadableException)
        {
            logger.LogWarning("Balance of connection {ConnectionId} failed: {Message}", connection.Id, failure.Message);
            await connections.RecordOutcomeAsync(userId, connection.Id, failure.Message, cancellationToken);
            return new ConnectionFailure(failure.Message, now);
        }
    }

    private async Task RestoreFromSnapshotAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        if (await snapshots.LatestAsync(connectionId, cancellationToken) is not { } stored)
        {
            return;
        }

        lastBalances[connectionId] = ([.. stored.Holdings.Select(h => new Holding(h.Key, h.Value, h.Value))], stored.TakenAt);
        snapshotTotals[connectionId] = stored.TotalUsdt;
    }

    private async Task<(MarketView? View, ConnectionFailure? Failure)> MarketAsync(
        Uri exchange, IReadOnlyCollection<string> coins, string quote, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var names = await market.CoinNamesAsync(exchange, cancellationToken);
            var tickers = await market.TickersAsync(exchange, cancellationToken);
            var inQuote = await market.PricesAsync(exchange, coins, quote, cancellationToken);
            var inUsdt = quote == SnapshotStore.Quote ? inQuote : await market.PricesAsync(exchange, coins, SnapshotStore.Quote, cancellationToken);
            var view = new MarketView(names, tickers, inQuote, inUsdt);
            lastMarkets[(exchange, quote)] = view;
            return (view, null);
        }
        catch (ExchangeApiException failure)
        {
            logger.LogWarning("Market data of {Exchange} failed: {Message}", exchange, failure.Message);
            return (lastMarkets.GetValueOrDefault((exchange, quote)), new ConnectionFailure("Prices could not be loaded: " + failure.Message, now));
        }
    }

    private async Task BackfillOnceAsync(Guid connectionId, AllexApiKeyClient client, CancellationToken cancellationToken)
    {
        if (!backfillTried.Add(connectionId) || await snapshots.IsBackfilledAsync(connectionId, cancellationToken))
        {
            return;
        }

        try
        {
            var rows = new List<BalanceSnapshot>();
            for (var page = 1; page <= 50; page++)
            {
                var result = await client.User.TryGetBalanceHistoryAsync(new HistoryFilter { PageSize = 100 }, page, cancellationToken);
                if (!result.IsOffered || result.Value is not { } batch)
                {
                    break;
                }

                rows.AddRange(batch.Data);
                if (batch.Data.Count == 0 || rows.Count >= batch.Count)
                {
                    break;
                }
            }

            var added = await snapshots.BackfillAsync(connectionId, rows, cancellationToken);
            logger.LogInformation("Backfilled {Count} snapshots of connection {ConnectionId} from its balance history", added, connectionId);
        }
        catch (ExchangeApiException failure)
        {
            logger.LogWarning("Balance history of connection {ConnectionId} failed: {Message}", connectionId, failure.Message);
        }
    }

    private async Task RecordViewSnapshotAsync(Guid connectionId, IReadOnlyList<Holding> holdings, MarketView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inUsdt = Value(holdings, SnapshotStore.Quote, view, view.PricesInUsdt, 0m);
        await snapshots.RecordAsync(
            connectionId, now, inUsdt.Total, AmountsOf(holdings), ValuationSnapshotSource.View, options.Value.ViewSnapshotSpacing, cancellationToken);
    }

    internal static Dictionary<string, decimal> AmountsOf(IEnumerable<Holding> holdings) =>
        holdings.Where(h => h.Total != 0m).GroupBy(h => h.Coin).ToDictionary(g => g.Key, g => g.Sum(h => h.Total), StringComparer.Ordinal);

    private static PortfolioValuation Value(
        IReadOnlyList<Holding> holdings, string quote, MarketView view, IReadOnlyDictionary<string, decimal> prices, decimal dustThreshold) =>
        PortfolioValuation.Of(new ValuationInput
        {
            Quote = quote,
            Holdings = holdings,
            Prices = prices,
            Names = view.Names,
            DayRanges = DayRanges.InQuote(holdings.Select(h => h.Coin), quote, view.Tickers),
            DustThreshold = dustThreshold,
        });

    /// <summary>
    /// Holdings restored from snapshots when no market data loads at all: listed without prices, and in usdt the
    /// recorded totals are the value (another quote cannot be converted without prices, so it counts only the quote coin).
    /// </summary>
    private static PortfolioValuation Unpriced(IReadOnlyList<Holding> holdings, string quote, decimal totalUsdt)
    {
        var valuation = PortfolioValuation.Of(new ValuationInput
        {
            Quote = quote,
            Holdings = holdings,
            Prices = new Dictionary<string, decimal>(),
        });
        return quote == SnapshotStore.Quote ? valuation with { Total = totalUsdt } : valuation;
    }

    private static MarketView Merge(IReadOnlyList<MarketView> views) => views.Count == 1
        ? views[0]
        : new MarketView(
            First(views.Select(v => v.Names)),
            [.. views.SelectMany(v => v.Tickers).DistinctBy(t => t.Symbol)],
            First(views.Select(v => v.PricesInQuote)),
            First(views.Select(v => v.PricesInUsdt)));

    private static Dictionary<string, T> First<T>(IEnumerable<IReadOnlyDictionary<string, T>> maps)
    {
        var merged = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in maps.SelectMany(m => m))
        {
            merged.TryAdd(key, value);
        }

        return merged;
    }
}
