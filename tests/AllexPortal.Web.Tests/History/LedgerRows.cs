using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.History;

/// <summary>
/// Seeded ledger rows for history tests: several pairs (one not against usdt), equal timestamps (so the id
/// tie-break matters), decimals of many scales including negative fees, missing fee coins and prices, and text
/// that a spreadsheet would read as a formula.
/// </summary>
public static class LedgerRows
{
    public static readonly string[] Pairs = ["btc-usdt", "eth-usdt", "eth-btc", "xht-usdt", "sol-eur"];

    public static readonly string[] Payloads = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "=1,\"2\""];

    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<LedgerTrade> Trades(Guid connectionId, int count, int seed)
    {
        var random = new Random(seed);
        var time = Start;
        var rows = new List<LedgerTrade>(count);
        for (var i = 0; i < count; i++)
        {
            time = Next(random, time);
            var pair = Pairs[random.Next(Pairs.Length)];
            var (baseCoin, quoteCoin) = Split(pair);
            var size = Amount(random, 8);
            var price = Amount(random, 2) * 10m;
            var feeCoin = random.Next(10) switch { 0 => null, 1 => "xht", _ => quoteCoin };
            rows.Add(new LedgerTrade
            {
                ConnectionId = connectionId,
                Key = $"k{seed}-{i:D6}",
                Symbol = pair,
                BaseCurrency = baseCoin,
                QuoteCurrency = quoteCoin,
                Side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell,
                Size = size,
                Price = price,
                QuoteAmount = size * price,
                Fee = feeCoin is null ? 0m : random.Next(20) == 0 ? -Amount(random, 6) : Amount(random, 6),
                FeeCoin = feeCoin,
                OrderId = random.Next(15) == 0 ? Payloads[random.Next(Payloads.Length)] : random.Next(8) == 0 ? null : $"ord-{random.Next(100_000):X5}",
                Timestamp = time,
                SyncedAt = time,
            });
        }
        return rows;
    }

    public static List<LedgerOrder> Orders(Guid connectionId, int count, int seed)
    {
        var random = new Random(seed);
        var time = Start;
        string[] statuses = ["new", "pfilled", "filled", "canceled"];
        var rows = new List<LedgerOrder>(count);
        for (var i = 0; i < count; i++)
        {
            time = Next(random, time);
            var pair = Pairs[random.Next(Pairs.Length)];
            var (baseCoin, quoteCoin) = Split(pair);
            var status = statuses[random.Next(statuses.Length)];
            var market = random.Next(4) == 0;
            var size = Amount(random, 6);
            rows.Add(new LedgerOrder
            {
                ConnectionId = connectionId,
                ExchangeId = $"{seed:X2}{i:X6}-{random.Next():x8}",
                Symbol = pair,
                BaseCurrency = baseCoin,
                QuoteCurrency = quoteCoin,
                Side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell,
                Type = market ? "market" : "limit",
                Size = size,
                Price = market ? null : Amount(random, 2) * 100m,
                Filled = status == "new" ? 0m : status == "filled" ? size : Math.Round(size / 2, 6),
                Average = status == "new" ? null : Amount(random, 2),
                Status = status,
                IsOpen = status is "new" or "pfilled",
                Fee = Amount(random, 6),
                FeeCoin = random.Next(6) == 0 ? null : quoteCoin,
                Note = random.Next(10) == 0 ? Payloads[random.Next(Payloads.Length)] : null,
                CreatedAt = time,
                UpdatedAt = status == "new" ? null : time.AddMinutes(1),
                SyncedAt = time,
            });
        }
        return rows;
    }

    public static List<LedgerTransfer> Transfers(Guid connectionId, int count, int seed)
    {
        var random = new Random(seed);
        var time = Start;
        string[] currencies = ["btc", "eth", "usdt", "xht"];
        var states = Enum.GetValues<TransactionState>();
        var rows = new List<LedgerTransfer>(count);
        for (var i = 0; i < count; i++)
        {
            time = Next(random, time);
            var currency = currencies[random.Next(currencies.Length)];
            rows.Add(new LedgerTransfer
            {
                ConnectionId = connectionId,
                Direction = random.Next(2) == 0 ? TransferDirection.Deposit : TransferDirection.Withdrawal,
                ExchangeId = 1000 + i,
                Currency = currency,
                Amount = Amount(random, 8) * 10m,
                Fee = random.Next(3) == 0 ? 0m : Amount(random, 8),
                FeeCoin = random.Next(3) == 0 ? null : currency,
                Address = random.Next(12) == 0 ? Payloads[random.Next(Payloads.Length)] : $"addr{random.Next(1_000_000):x6}",
                TransactionId = random.Next(5) == 0 ? null : $"0x{random.NextInt64():x16}",
                Network = currency == "usdt" ? "trx" : currency,
                State = states[random.Next(states.Length)],
                Description = random.Next(10) == 0 ? Payloads[random.Next(Payloads.Length)] : null,
                CreatedAt = time,
                UpdatedAt = time.AddMinutes(5),
                SyncedAt = time,
            });
        }
        return rows;
    }

    /// <summary>Times in whole milliseconds (as the ledger stores them); one in five repeats the previous time.</summary>
    private static DateTimeOffset Next(Random random, DateTimeOffset time) =>
        random.Next(5) == 0 ? time : time.AddMilliseconds(random.Next(1, 6 * 3_600_000));

    /// <summary>A positive amount below 10,000 with 4 to 4 + <paramref name="scale"/> decimal places (sums stay well inside decimal's 28 digits).</summary>
    private static decimal Amount(Random random, int scale)
    {
        var digits = random.Next(0, scale + 1);
        return random.NextInt64(1, 100_000_000) / (decimal)Math.Pow(10, digits + 4);
    }

    private static (string Base, string Quote) Split(string pair) => (pair[..pair.IndexOf('-', StringComparison.Ordinal)], pair[(pair.IndexOf('-', StringComparison.Ordinal) + 1)..]);
}
