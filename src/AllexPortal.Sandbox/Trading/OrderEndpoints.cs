using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Listing;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Trading;

/// <summary>Orders, user trades and quick trade.</summary>
internal static class OrderEndpoints
{
    public static void Map(SandboxRoutes routes)
    {
        var exchange = routes.Exchange;
        var state = exchange.State;
        var engine = exchange.Engine;
        Func<DateTimeOffset> now = exchange.Time.GetUtcNow;

        routes.Private("POST", "/order", AuthPolicy.Either(KeyPermission.Trade), (request, caller) =>
        {
            var symbol = request.RequiredBodyString("symbol");
            var side = request.RequiredBodyString("side");
            var size = request.RequiredBodyDecimal("size");
            var type = request.RequiredBodyString("type");
            if (side is not ("buy" or "sell"))
            {
                throw ValidationError.Enum("side", side, ["buy", "sell"]);
            }
            if (type is not ("limit" or "market"))
            {
                throw ValidationError.Enum("type", type, ["limit", "market"]);
            }
            var price = request.BodyDecimal("price");
            if (type == "limit" && price is null)
            {
                throw SandboxError.BadRequest("Price is required for limit orders");
            }
            var meta = request.BodyValue("meta");
            var postOnly = meta?.ValueKind == System.Text.Json.JsonValueKind.Object && meta.Value.TryGetProperty("post_only", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.True;
            var note = meta?.ValueKind == System.Text.Json.JsonValueKind.Object && meta.Value.TryGetProperty("note", out var n) ? n.GetString() : null;
            var order = engine.Place(caller.User, new OrderRequest(symbol, side == "buy", size, type, type == "limit" ? price : null,
                request.BodyDecimal("stop"), postOnly, note));
            return WireResults.Json(order.ToWire());
        });

        routes.Private("GET", "/order", AuthPolicy.Either(KeyPermission.Read), (request, caller) =>
        {
            engine.TriggerStops();
            var id = request.RequiredQuery("order_id");
            return WireResults.Json(new UserOrderList(caller.User).Find(id) ?? throw SandboxError.NotFound("Order not found"));
        });

        routes.Private("DELETE", "/order", AuthPolicy.Either(KeyPermission.Trade), (request, caller) =>
        {
            engine.TriggerStops();
            var id = request.RequiredQuery("order_id");
            var order = caller.User.Orders.FirstOrDefault(o => o.Id.ToString() == id)
                ?? (new UserOrderList(caller.User).Find(id) is null ? throw SandboxError.NotFound("Order not found") : throw SandboxError.BadRequest("Order is already closed"));
            return WireResults.Json(engine.Cancel(caller.User, order).ToWire());
        });

        routes.Private("DELETE", "/order/all", AuthPolicy.Either(KeyPermission.Trade), (request, caller) =>
        {
            engine.TriggerStops();
            var pair = MarketEndpoints.PairOf(exchange, request.RequiredQuery("symbol"));
            var open = caller.User.Orders.Where(o => o.Pair == pair && o.IsOpen).ToList();
            return WireResults.Json(open.Select(o => engine.Cancel(caller.User, o).ToWire()).ToList());
        });

        routes.Private("GET", "/orders", AuthPolicy.Either(KeyPermission.Read), (request, caller) =>
        {
            engine.TriggerStops();
            var query = ListQuery.From(request, exchange.Options.MaxPageSize);
            var symbol = request.Query("symbol");
            var side = request.Query("side");
            var status = request.Query("status");
            var open = request.QueryBool("open");
            if (side is not (null or "buy" or "sell"))
            {
                throw ValidationError.Enum("side", side, ["buy", "sell"]);
            }
            if (status is not (null or "new" or "pfilled" or "filled" or "canceled"))
            {
                throw ValidationError.Enum("status", status, ["new", "pfilled", "filled", "canceled"]);
            }
            return query.Respond(new UserOrderList(caller.User),
                o => (symbol is null || o.Symbol == symbol) && (side is null || o.Side == side) && (status is null || o.Status == status)
                    && (open is null || (o.Status is "new" or "pfilled") == open),
                o => o.CreatedAt,
                new Dictionary<string, Func<OrderRow, object?>>
                {
                    ["created_at"] = o => o.CreatedAt,
                    ["updated_at"] = o => o.UpdatedAt,
                    ["id"] = o => o.Id,
                    ["price"] = o => o.Price,
                    ["size"] = o => o.Size,
                    ["symbol"] = o => o.Symbol,
                    ["side"] = o => o.Side,
                    ["status"] = o => o.Status,
                },
                o => o.ToWire());
        });

        routes.Private("GET", "/user/trades", AuthPolicy.Either(KeyPermission.Read), (request, caller) =>
        {
            engine.TriggerStops();
            var query = ListQuery.From(request, exchange.Options.MaxPageSize);
            var symbol = request.Query("symbol");
            if (symbol is not null)
            {
                MarketEndpoints.PairOf(exchange, symbol);
            }
            return query.Respond(caller.User.Trades, t => symbol is null || t.Symbol == symbol, t => t.Timestamp,
                new Dictionary<string, Func<SandboxTrade, object?>>
                {
                    ["timestamp"] = t => t.Timestamp,
                    ["price"] = t => t.Price,
                    ["size"] = t => t.Size,
                    ["symbol"] = t => t.Symbol,
                    ["side"] = t => t.Side,
                    ["fee"] = t => t.Fee,
                },
                t => t);
        });

        routes.Public("GET", "/quick-trade", request =>
        {
            var spending = request.RequiredQuery("spending_currency");
            var receiving = request.RequiredQuery("receiving_currency");
            var spendingAmount = request.QueryDecimal("spending_amount");
            var receivingAmount = request.QueryDecimal("receiving_amount");
            if (spendingAmount is null == receivingAmount is null)
            {
                throw SandboxError.BadRequest("Provide either spending_amount or receiving_amount");
            }
            var pair = state.Catalog.FindPairOf(spending, receiving) ?? throw SandboxError.BadRequest("Invalid pair");
            var isBuy = pair.Quote == spending;
            var (bids, asks) = engine.Book(pair, 1);
            var price = isBuy ? asks[0].Price : bids[0].Price;
            var baseAmount = pair.RoundSize(isBuy
                ? spendingAmount is { } s ? s / price : receivingAmount!.Value
                : spendingAmount ?? receivingAmount!.Value / price);
            if (baseAmount < pair.MinSize || (spendingAmount ?? receivingAmount) <= 0)
            {
                throw SandboxError.BadRequest("Quick trade order can not be filled: value is too small");
            }
            var quoteAmount = Math.Round(baseAmount * price, 8);
            var result = new Dictionary<string, object>
            {
                ["spending_currency"] = spending,
                ["receiving_currency"] = receiving,
                ["spending_amount"] = isBuy ? quoteAmount : baseAmount,
                ["receiving_amount"] = isBuy ? baseAmount : quoteAmount,
                ["type"] = "market",
            };
            if (exchange.Authenticator.TryAuthenticate(request) is { } caller)
            {
                var token = state.NewHex(16);
                var expiry = now().Add(exchange.Options.QuickTradeQuoteLifetime);
                state.Quotes[token] = new QuickQuote(token, caller.User.Id, pair, isBuy, baseAmount, expiry);
                result["token"] = token;
                result["expiry"] = expiry;
            }
            return WireResults.Json(result);
        });

        routes.Private("POST", "/order/execute", AuthPolicy.Either(KeyPermission.None), (request, caller) =>
        {
            var token = request.RequiredBodyString("token");
            if (!state.Quotes.TryGetValue(token, out var quote) || quote.UserId != caller.User.Id)
            {
                throw SandboxError.BadRequest("Invalid token");
            }
            state.Quotes.Remove(token);
            if (quote.Expiry < now())
            {
                throw SandboxError.BadRequest("Token is expired");
            }
            var order = engine.Place(caller.User, new OrderRequest(quote.Pair.Name, quote.IsBuy, quote.Size, "market", null, null, false, null));
            var wire = order.ToWire();
            return WireResults.Json(new Dictionary<string, object?>
            {
                ["id"] = wire.Id,
                ["symbol"] = wire.Symbol,
                ["side"] = wire.Side,
                ["size"] = wire.Size,
                ["type"] = "market",
                ["price"] = wire.Price,
                ["filled"] = wire.Filled,
                ["average"] = wire.Average,
                ["method"] = "market",
                ["status"] = wire.Status,
                ["fee"] = wire.Fee,
                ["fee_coin"] = wire.FeeCoin,
                ["fee_structure"] = wire.FeeStructure,
                ["created_by"] = wire.CreatedBy,
                ["created_at"] = wire.CreatedAt,
                ["updated_at"] = wire.UpdatedAt,
            });
        });
    }
}
