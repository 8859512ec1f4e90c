using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.Trading;

namespace AllexPortal.Sandbox.History;

/// <summary>Writes a deterministic multi-year history into an account: deposits, trades at the price
/// path's prices, withdrawals, daily balance snapshots and a few open orders. Balances are carried along,
/// so the final balances are exactly what the history implies. Arrays and pre-sized lists keep a million
/// trades within seconds.</summary>
internal sealed class DemoHistoryGenerator(SandboxState state, MatchingEngine engine)
{
    private static readonly int[] PairWeights = [35, 25, 15, 10, 5, 10];

    public void Generate(SandboxUser user, int tradeCount, int seed, DateTimeOffset from, DateTimeOffset to)
    {
        var random = new Random(seed);
        var catalog = state.Catalog;
        var usdt = state.CoinIndex("usdt");
        var btc = state.CoinIndex("btc");
        var balances = new decimal[catalog.Coins.Count];
        var fees = FeeTiers.For(user.VerificationLevel);
        var scale = Math.Max(1m, tradeCount / 3_000m);
        user.Trades = new List<SandboxTrade>(tradeCount + 16);
        user.Snapshots = new List<BalanceSnapshot>((int)(to - from).TotalDays + 2);

        // A snapshot at every midnight after the first deposit, as the exchange keeps one for each day the account held
        // anything: when the history starts just after midnight, the first deposits fall on the day before.
        var firstDeposit = from.AddHours(-2);
        var nextSnapshot = new DateTimeOffset(firstDeposit.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Deposit(user, balances, usdt, 20_000m * scale, firstDeposit, random);
        while (nextSnapshot <= from.AddHours(-1))
        {
            Snapshot(user, balances, nextSnapshot);
            nextSnapshot = nextSnapshot.AddDays(1);
        }

        Deposit(user, balances, btc, 0.25m, from.AddHours(-1), random);
        var nextDeposit = from.AddDays(20 + random.Next(20));
        var nextWithdrawal = from.AddDays(50 + random.Next(40));
        var span = (to - from).Ticks;

        for (var i = 0; i < tradeCount; i++)
        {
            var at = from.AddTicks((long)((i + random.NextDouble()) * span / tradeCount));
            at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            while (nextSnapshot <= at)
            {
                Snapshot(user, balances, nextSnapshot);
                nextSnapshot = nextSnapshot.AddDays(1);
            }
            if (at >= nextDeposit)
            {
                Deposit(user, balances, usdt, Math.Round((1_000m + random.Next(2_000)) * scale, 2), nextDeposit, random);
                nextDeposit = nextDeposit.AddDays(20 + random.Next(20));
            }
            if (at >= nextWithdrawal)
            {
                Withdraw(user, balances, random.Next(3) == 0 ? btc : usdt, nextWithdrawal, random);
                nextWithdrawal = nextWithdrawal.AddDays(50 + random.Next(40));
            }
            Trade(user, balances, fees, at, random);
        }
        while (nextSnapshot <= to)
        {
            Snapshot(user, balances, nextSnapshot);
            nextSnapshot = nextSnapshot.AddDays(1);
        }
        user.HistoricalFills = user.Trades.Count;
        Array.Copy(balances, user.Available, balances.Length);
        user.BalanceUpdatedAt = to;
    }

    /// <summary>Open limit orders away from the market (they hold funds and stay open).</summary>
    public void PlaceOpenOrders(SandboxUser user)
    {
        (string Symbol, bool IsBuy, decimal Distance, decimal Usdt)[] plan =
        [
            ("btc-usdt", true, -0.08m, 800m),
            ("eth-usdt", true, -0.10m, 500m),
            ("sol-usdt", false, 0.12m, 300m),
            ("xrp-usdt", false, 0.15m, 200m),
            ("eth-btc", true, -0.07m, 300m),
        ];
        foreach (var (symbol, isBuy, distance, usdtValue) in plan)
        {
            var pair = state.Catalog.FindPair(symbol)!;
            var mid = state.Prices.Raw(pair, engine.Now);
            var price = pair.RoundPrice((decimal)mid * (1 + distance));
            var size = pair.RoundSize(usdtValue / (decimal)state.Prices.UsdtPrice(pair.Base, engine.Now));
            var coin = state.CoinIndex(isBuy ? pair.Quote : pair.Base);
            var needed = isBuy ? size * price : size;
            if (user.Available[coin] >= needed && size >= pair.MinSize)
            {
                engine.Place(user, new OrderRequest(symbol, isBuy, size, "limit", price, null, false, null));
            }
        }
    }

    private void Trade(SandboxUser user, decimal[] balances, SandboxFeeStructure fees, DateTimeOffset at, Random random)
    {
        var pair = state.Catalog.Pairs[PickPair(random)];
        var baseCoin = pair.BaseIndex;
        var quote = pair.QuoteIndex;
        var baseUsdt = state.Prices.UsdtPrice(state.Catalog.Coins[baseCoin], at);
        var mid = (decimal)(baseUsdt / state.Prices.UsdtPrice(state.Catalog.Coins[quote], at));
        var notional = Math.Exp(Math.Log(50) + random.NextDouble() * (Math.Log(1_500) - Math.Log(50)));
        var size = Math.Max(pair.MinSize, pair.RoundSize((decimal)(notional / baseUsdt)));
        var isBuy = random.Next(100) < 55;
        var isMaker = random.Next(100) < 40;
        var price = pair.RoundPrice(mid * (isBuy == isMaker ? 0.9995m : 1.0005m));
        if (isBuy && balances[quote] < size * price)
        {
            isBuy = false;
        }
        if (!isBuy && balances[baseCoin] < size)
        {
            if (balances[quote] < size * price)
            {
                Deposit(user, balances, quote, pair.Quote == "usdt" ? Math.Ceiling(size * price * 2 + 1_000) : Math.Round(size * price * 2, 6) + 0.05m, at.AddMinutes(-30), random);
            }
            isBuy = true;
        }
        var rate = isMaker ? fees.Maker : fees.Taker;
        var cost = size * price;
        decimal fee;
        if (isBuy)
        {
            fee = Math.Round(size * rate / 100m, 8, MidpointRounding.ToZero);
            balances[quote] -= cost;
            balances[baseCoin] += size - fee;
        }
        else
        {
            fee = Math.Round(cost * rate / 100m, 8, MidpointRounding.ToZero);
            balances[baseCoin] -= size;
            balances[quote] += cost - fee;
        }
        state.FeesCollected[isBuy ? baseCoin : quote] += fee;
        var house = engine.House;
        house.Available[isBuy ? baseCoin : quote] -= isBuy ? size : cost;
        house.Available[isBuy ? quote : baseCoin] += isBuy ? cost : size;
        user.Trades.Add(new SandboxTrade(isBuy ? "buy" : "sell", pair.Name, size, price, at, state.NewGuid().ToString(), fee,
            isBuy ? pair.Base : pair.Quote));
    }

    private static int PickPair(Random random)
    {
        var roll = random.Next(100);
        for (var i = 0; i < PairWeights.Length; i++)
        {
            roll -= PairWeights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return 0;
    }

    private void Deposit(SandboxUser user, decimal[] balances, int coin, decimal amount, DateTimeOffset at, Random random)
    {
        balances[coin] += amount;
        var symbol = state.Catalog.Coins[coin].Symbol;
        user.Deposits.Add(Transfer(user, "deposit", symbol, amount, 0, at, random));
    }

    private void Withdraw(SandboxUser user, decimal[] balances, int coin, DateTimeOffset at, Random random)
    {
        var info = state.Catalog.Coins[coin];
        var amount = Math.Round(balances[coin] * (0.05m + random.Next(10) / 100m), coin == 0 ? 2 : 6, MidpointRounding.ToZero);
        if (amount <= info.Min || amount + info.WithdrawalFee > balances[coin])
        {
            return;
        }
        balances[coin] -= amount + info.WithdrawalFee;
        state.FeesCollected[coin] += info.WithdrawalFee;
        user.Withdrawals.Add(Transfer(user, "withdrawal", info.Symbol, amount, info.WithdrawalFee, at, random));
    }

    private SandboxTransfer Transfer(SandboxUser user, string type, string currency, decimal amount, decimal fee, DateTimeOffset at, Random random)
    {
        var coin = state.CoinIndex(currency);
        var address = type == "deposit"
            ? SandboxAddresses.For(user.Id, currency)
            : SandboxAddresses.External(currency, random.Next());
        return new SandboxTransfer(state.NextTransferId(), type, currency, amount, fee, currency, address,
            state.NewHex(32), state.Catalog.Coins[coin].DefaultNetwork, Status: true, Dismissed: false, Rejected: false, Processing: false, Waiting: false,
            Description: "", user.Id, at, at.AddMinutes(12));
    }

    private void Snapshot(SandboxUser user, decimal[] balances, DateTimeOffset at)
    {
        var values = new decimal[balances.Length];
        decimal total = 0;
        for (var c = 0; c < balances.Length; c++)
        {
            values[c] = Math.Round(balances[c] * (decimal)state.Prices.UsdtPrice(state.Catalog.Coins[c].Symbol, at), 2);
            total += values[c];
        }
        user.Snapshots.Add(new BalanceSnapshot(user.Snapshots.Count + 1 + user.Id * 100_000, at, (decimal[])balances.Clone(), values, total));
    }
}
