using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Trading;

/// <summary>Price-time matching of incoming orders against other users' resting orders and the market
/// maker's synthetic quotes. Fees are charged in the received coin (HollaEx rule): base for buys, quote
/// for sells. Callers hold <see cref="SandboxState.Gate"/>.</summary>
internal sealed class MatchingEngine(SandboxState state, SyntheticBook synthetic, TimeProvider time)
{
    public const string PostOnlyRejection =
        "Error 1001 - Order rejected. Order could not be submitted as this order was set to a post only order.";

    private const int MatchDepth = 60;

    public DateTimeOffset Now => time.GetUtcNow();

    public SandboxUser House => state.Users.First(u => u.IsHouse);

    public Order Place(SandboxUser user, OrderRequest request)
    {
        TriggerStops();
        var pair = state.Catalog.FindPair(request.Symbol) ?? throw SandboxError.BadRequest("Invalid symbol");
        Validate(pair, request);
        var now = time.GetUtcNow();
        var order = new Order
        {
            Id = state.NewGuid(),
            UserId = user.Id,
            Pair = pair,
            IsBuy = request.IsBuy,
            Type = request.Type,
            Size = request.Size,
            Price = request.Price ?? 0,
            Stop = request.Stop,
            StopPending = request.Stop is not null,
            PostOnly = request.PostOnly,
            Note = request.Note,
            Fees = FeeTiers.For(user.VerificationLevel),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!order.StopPending && order.PostOnly && order.Type == "limit" && WouldCross(order, now))
        {
            throw SandboxError.BadRequest(PostOnlyRejection);
        }
        var quote = state.CoinIndex(pair.Quote);
        var baseCoin = state.CoinIndex(pair.Base);
        if (!order.IsBuy)
        {
            user.Reserve(baseCoin, order.Size, now);
            order.Held = order.Size;
        }
        else
        {
            var reserve = order.Type == "limit"
                ? order.Size * order.Price
                : MarketBuyCost(order, (order.Stop ?? 0) * 1.05m, now);
            user.Reserve(quote, reserve, now);
            order.Held = reserve;
        }
        user.Orders.Add(order);
        if (order.StopPending)
        {
            state.PendingStops.Add(order);
            return order;
        }
        Execute(user, order, now);
        return order;
    }

    public Order Cancel(SandboxUser user, Order order)
    {
        if (!order.IsOpen)
        {
            throw SandboxError.BadRequest("Order is already closed");
        }
        var now = time.GetUtcNow();
        user.Release(order.IsBuy ? state.CoinIndex(order.Pair.Quote) : state.CoinIndex(order.Pair.Base), order.Held, now);
        order.Held = 0;
        order.Status = "canceled";
        order.UpdatedAt = now;
        state.Books[order.Pair.Index].Remove(order);
        state.PendingStops.Remove(order);
        return order;
    }

    /// <summary>Activates stop orders whose trigger the price path has crossed.</summary>
    public void TriggerStops()
    {
        if (state.PendingStops.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var order in state.PendingStops.ToList())
        {
            var price = (decimal)state.Prices.Raw(order.Pair, now);
            var reached = order.IsBuy ? price >= order.Stop : price <= order.Stop;
            if (reached && order.IsOpen)
            {
                state.PendingStops.Remove(order);
                order.StopPending = false;
                Execute(state.UsersById[order.UserId], order, now);
            }
        }
    }

    /// <summary>Bids (best first) and asks (best first): synthetic quotes merged with resting orders.</summary>
    public (List<(decimal Price, decimal Size)> Bids, List<(decimal Price, decimal Size)> Asks) Book(Pair pair, int depth)
    {
        var now = time.GetUtcNow();
        return (Merge(pair, false, now, depth), Merge(pair, true, now, depth));
    }

    private List<(decimal Price, decimal Size)> Merge(Pair pair, bool asks, DateTimeOffset now, int depth)
    {
        var levels = synthetic.Levels(pair, asks, now, depth)
            .Concat(state.Books[pair.Index].Where(o => o.IsBuy != asks).Select(o => (o.Price, o.Remaining)))
            .GroupBy(l => l.Item1)
            .Select(g => (Price: g.Key, Size: g.Sum(l => l.Item2)));
        return [.. (asks ? levels.OrderBy(l => l.Price) : levels.OrderByDescending(l => l.Price)).Take(depth)];
    }

    private static void Validate(Pair pair, OrderRequest request)
    {
        if (request.Size < pair.MinSize || request.Size > pair.MaxSize)
        {
            throw SandboxError.BadRequest($"Invalid size. Size must be between {WireJson.FormatDecimal(pair.MinSize)} and {WireJson.FormatDecimal(pair.MaxSize)}");
        }
        if (request.Size % pair.IncrementSize != 0)
        {
            throw SandboxError.BadRequest($"Invalid size. Size must be a multiple of {WireJson.FormatDecimal(pair.IncrementSize)}");
        }
        if (request.Type == "limit")
        {
            if (request.Price is not { } price || price < pair.MinPrice || price > pair.MaxPrice)
            {
                throw SandboxError.BadRequest($"Invalid price. Price must be between {WireJson.FormatDecimal(pair.MinPrice)} and {WireJson.FormatDecimal(pair.MaxPrice)}");
            }
            if (price % pair.IncrementPrice != 0)
            {
                throw SandboxError.BadRequest($"Invalid price. Price must be a multiple of {WireJson.FormatDecimal(pair.IncrementPrice)}");
            }
        }
        if (request.Stop is <= 0)
        {
            throw SandboxError.BadRequest("Invalid stop price");
        }
    }

    private bool WouldCross(Order order, DateTimeOffset now)
    {
        var best = Liquidity(order, now).FirstOrDefault();
        return best.Size > 0 && (order.IsBuy ? best.Price <= order.Price : best.Price >= order.Price);
    }

    private decimal MarketBuyCost(Order order, decimal floor, DateTimeOffset now)
    {
        decimal remaining = order.Size, cost = 0;
        foreach (var level in Liquidity(order, now))
        {
            var quantity = Math.Min(remaining, level.Size);
            cost += quantity * level.Price;
            remaining -= quantity;
            if (remaining == 0)
            {
                break;
            }
        }
        return Math.Max(cost, order.Size * floor);
    }

    /// <summary>Opposite liquidity, best first; resting orders before synthetic quotes at equal prices.</summary>
    private IEnumerable<(decimal Price, decimal Size, Order? Maker)> Liquidity(Order taker, DateTimeOffset now)
    {
        var resting = state.Books[taker.Pair.Index]
            .Where(o => o.IsBuy != taker.IsBuy && o.UserId != taker.UserId)
            .Select(o => (o.Price, o.Remaining, (Order?)o));
        var quotes = synthetic.Levels(taker.Pair, taker.IsBuy, now, MatchDepth).Select(l => (l.Price, l.Size, (Order?)null));
        var all = resting.Concat(quotes);
        return taker.IsBuy
            ? all.OrderBy(l => l.Item1).ThenBy(l => l.Item3 is null ? 1 : 0).ThenBy(l => l.Item3?.CreatedAt)
            : all.OrderByDescending(l => l.Item1).ThenBy(l => l.Item3 is null ? 1 : 0).ThenBy(l => l.Item3?.CreatedAt);
    }

    private void Execute(SandboxUser taker, Order order, DateTimeOffset now)
    {
        foreach (var (price, size, maker) in Liquidity(order, now).ToList())
        {
            if (order.Remaining == 0 || (order.Type == "limit" && (order.IsBuy ? price > order.Price : price < order.Price)))
            {
                break;
            }
            var quantity = Math.Min(order.Remaining, size);
            var makerUser = maker is null ? House : state.UsersById[maker.UserId];
            var buyer = order.IsBuy ? (taker, order) : (makerUser, maker);
            var seller = order.IsBuy ? (makerUser, maker) : (taker, order);
            Fill(buyer, seller, order.Pair, price, quantity, takerIsBuyer: order.IsBuy, now);
            if (maker is not null && maker.Remaining == 0)
            {
                state.Books[order.Pair.Index].Remove(maker);
            }
        }
        if (order.Type == "market")
        {
            if (order.Filled > 0)
            {
                order.Price = order.Pair.RoundPrice(order.FilledCost / order.Filled);
            }
            taker.Release(state.CoinIndex(order.IsBuy ? order.Pair.Quote : order.Pair.Base), order.Held, now);
            order.Held = 0;
            order.Status = order.Remaining == 0 ? "filled" : "canceled";
        }
        else if (order.Remaining > 0)
        {
            state.Books[order.Pair.Index].Add(order);
        }
        order.UpdatedAt = now;
    }

    private void Fill((SandboxUser User, Order? Order) buyer, (SandboxUser User, Order? Order) seller, Pair pair,
        decimal price, decimal quantity, bool takerIsBuyer, DateTimeOffset now)
    {
        var quote = state.CoinIndex(pair.Quote);
        var baseCoin = state.CoinIndex(pair.Base);
        var cost = quantity * price;
        var buyerFee = FeeOf(buyer, takerIsBuyer, quantity);
        var sellerFee = FeeOf(seller, !takerIsBuyer, cost);

        if (buyer.Order is { } buyOrder)
        {
            buyer.User.SpendHeld(quote, cost, now);
            buyOrder.Held -= cost;
            Apply(buyOrder, quantity, cost, buyerFee, now);
            if (buyOrder.Type == "limit")
            {
                var excess = buyOrder.Held - buyOrder.Remaining * buyOrder.Price;
                buyer.User.Release(quote, excess, now);
                buyOrder.Held -= excess;
            }
        }
        else
        {
            buyer.User.Credit(quote, -cost, now);
        }
        buyer.User.Credit(baseCoin, quantity - buyerFee, now);

        if (seller.Order is { } sellOrder)
        {
            seller.User.SpendHeld(baseCoin, quantity, now);
            sellOrder.Held -= quantity;
            Apply(sellOrder, quantity, cost, sellerFee, now);
        }
        else
        {
            seller.User.Credit(baseCoin, -quantity, now);
        }
        seller.User.Credit(quote, cost - sellerFee, now);

        state.FeesCollected[baseCoin] += buyerFee;
        state.FeesCollected[quote] += sellerFee;
        Record(buyer, pair, "buy", quantity, price, buyerFee, now);
        Record(seller, pair, "sell", quantity, price, sellerFee, now);
        state.RecordPublicTrade(pair, new PublicTrade(quantity, price, takerIsBuyer ? "buy" : "sell", now));
    }

    private static decimal FeeOf((SandboxUser User, Order? Order) side, bool isTaker, decimal amount)
    {
        if (side.Order is null || side.User.IsHouse)
        {
            return 0;
        }
        var rate = isTaker ? side.Order.Fees.Taker : side.Order.Fees.Maker;
        return Math.Round(amount * rate / 100m, 8, MidpointRounding.ToZero);
    }

    private static void Apply(Order order, decimal quantity, decimal cost, decimal fee, DateTimeOffset now)
    {
        order.Filled += quantity;
        order.FilledCost += cost;
        order.Fee += fee;
        order.Status = order.Remaining == 0 ? "filled" : "pfilled";
        order.UpdatedAt = now;
    }

    private static void Record((SandboxUser User, Order? Order) side, Pair pair, string sideName, decimal quantity,
        decimal price, decimal fee, DateTimeOffset now)
    {
        if (side.Order is null || side.User.IsHouse)
        {
            return;
        }
        side.User.Trades.Add(new SandboxTrade(sideName, pair.Name, quantity, price, now, side.Order.Id.ToString(), fee,
            sideName == "buy" ? pair.Base : pair.Quote));
    }
}
