using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Core.Holdings;

/// <summary>
/// Rebuilds an account's holdings from its history alone, for the value-over-time chart before the portal's first
/// snapshot. A trade takes the sold amount and the fee (in whatever coin it is charged) and brings the bought amount;
/// a deposit brings its amount; a withdrawal takes its amount and its fee. Pass only settled transfers: a pending
/// or rejected one moved nothing. The result is exact (decimal sums, no rounding).
/// </summary>
public static class HoldingsReconstruction
{
    /// <summary>
    /// Holdings at the end of every UTC day from the day of the earliest event to <paramref name="lastDay"/>
    /// (inclusive), oldest first; empty when no event falls on or before <paramref name="lastDay"/>. Events after
    /// the end of <paramref name="lastDay"/> are not counted.
    /// </summary>
    public static IReadOnlyList<DayEndHoldings> DayEnds(IEnumerable<LedgerEvent> events, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(events);
        var end = ToInstant(lastDay.AddDays(1));
        var ordered = events.Where(e => e.Time < end).OrderBy(e => e.Time.UtcTicks).ToList();
        var result = new List<DayEndHoldings>();
        if (ordered.Count == 0)
        {
            return result;
        }

        var running = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var next = 0;
        for (var day = DateOnly.FromDateTime(ordered[0].Time.UtcDateTime); day <= lastDay; day = day.AddDays(1))
        {
            var dayEnd = ToInstant(day.AddDays(1));
            for (; next < ordered.Count && ordered[next].Time < dayEnd; next++)
            {
                Apply(running, ordered[next]);
            }

            result.Add(new DayEndHoldings(day, NonZero(running)));
        }

        return result;
    }

    /// <summary>Holdings after every event: the sum of each coin's signed flows.</summary>
    public static IReadOnlyDictionary<string, decimal> Final(IEnumerable<LedgerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var running = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var ledgerEvent in events)
        {
            Apply(running, ledgerEvent);
        }

        return NonZero(running);
    }

    /// <summary>What <paramref name="ledgerEvent"/> adds to (positive) and takes from (negative) each coin.</summary>
    public static IEnumerable<(string Coin, decimal Change)> Flows(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        switch (ledgerEvent)
        {
            case TradeEvent trade:
                yield return (trade.Sold.Asset.Code, -trade.Sold.Quantity);
                yield return (trade.Bought.Asset.Code, trade.Bought.Quantity);
                if (trade.Fee is { } fee)
                {
                    yield return (fee.Asset.Code, -fee.Quantity);
                }

                break;
            case DepositEvent deposit:
                yield return (deposit.Amount.Asset.Code, deposit.Amount.Quantity);
                break;
            case WithdrawalEvent withdrawal:
                yield return (withdrawal.Amount.Asset.Code, -withdrawal.Amount.Quantity);
                if (withdrawal.Fee is { } withdrawalFee)
                {
                    yield return (withdrawalFee.Asset.Code, -withdrawalFee.Quantity);
                }

                break;
            default:
                throw new ArgumentException($"Unknown ledger event {ledgerEvent.GetType().Name}.", nameof(ledgerEvent));
        }
    }

    private static void Apply(Dictionary<string, decimal> running, LedgerEvent ledgerEvent)
    {
        foreach (var (coin, change) in Flows(ledgerEvent))
        {
            running[coin] = running.GetValueOrDefault(coin) + change;
        }
    }

    private static Dictionary<string, decimal> NonZero(Dictionary<string, decimal> running) =>
        running.Where(c => c.Value != 0m).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static DateTimeOffset ToInstant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
}
