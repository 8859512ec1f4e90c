using System.Globalization;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Trading;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Markets;

/// <summary>Public market data: health, constants, tiers, tickers, order books, trades, charts, oracle prices.</summary>
internal static class MarketEndpoints
{
    private const int MaxBars = 20_000;

    public static void Map(SandboxRoutes routes)
    {
        var exchange = routes.Exchange;
        var catalog = exchange.State.Catalog;
        var prices = exchange.Prices;
        Func<DateTimeOffset> now = exchange.Time.GetUtcNow;

        routes.Public("GET", "/health", _ => WireResults.Json(new Dictionary<string, object>
        {
            ["name"] = "hollaex-kit",
            ["version"] = "2.17.4",
            ["host"] = "sandbox.allex.local",
            ["domain"] = "http://sandbox.allex.local",
            ["basePath"] = "/v2",
            ["status"] = true,
        }));
        routes.Public("GET", "/constants", _ => WireResults.Json(Constants(exchange)));
        routes.Public("GET", "/kit", _ => WireResults.Json(new Dictionary<string, object>
        {
            ["api_name"] = "ALLEX Sandbox",
            ["info"] = new Dictionary<string, object> { ["name"] = "ALLEX Sandbox", ["active"] = true, ["initialized"] = true },
            ["color"] = new Dictionary<string, object>(),
            ["interface"] = new Dictionary<string, object> { ["quick_trade"] = true },
            ["links"] = new Dictionary<string, object>(),
            ["defaults"] = new Dictionary<string, object> { ["language"] = "en", ["theme"] = "dark", ["country"] = "" },
            ["native_currency"] = "usdt",
            ["captcha"] = new Dictionary<string, object>(),
        }));
        routes.Public("GET", "/tiers", _ => WireResults.Json(FeeTiers.Levels.ToDictionary(
            l => l.ToString(CultureInfo.InvariantCulture), l => (object)Tier(exchange, l))));
        routes.Public("GET", "/ticker", request =>
        {
            var pair = PairOf(exchange, request.Query("symbol") ?? "btc-usdt");
            return WireResults.Json(Ticker(exchange, pair, now(), includeSymbol: false));
        });
        IResult AllTickers(SandboxRequest _) =>
            WireResults.Json(catalog.Pairs.ToDictionary(p => p.Name, p => Ticker(exchange, p, now(), includeSymbol: true)));
        routes.Public("GET", "/tickers", AllTickers);
        routes.Public("GET", "/ticker/all", AllTickers);
        routes.Public("GET", "/orderbook", request =>
        {
            var pair = PairOf(exchange, request.Query("symbol") ?? "btc-usdt");
            return WireResults.Json(new Dictionary<string, object> { [pair.Name] = Book(exchange, pair) });
        });
        routes.Public("GET", "/orderbooks", _ => WireResults.Json(catalog.Pairs.ToDictionary(p => p.Name, p => Book(exchange, p))));
        routes.Public("GET", "/trades", request =>
        {
            var symbol = request.Query("symbol");
            var pairs = symbol is null ? catalog.Pairs : [PairOf(exchange, symbol)];
            return WireResults.Json(pairs.ToDictionary(p => p.Name, p => (object)RecentTrades(exchange, p, now(), 50)));
        });
        routes.Public("GET", "/trades/history", request =>
        {
            var query = Listing.ListQuery.From(request, exchange.Options.MaxPageSize);
            var symbol = request.Query("symbol");
            var side = request.Query("side");
            var pairs = symbol is null ? catalog.Pairs : [PairOf(exchange, symbol)];
            var rows = pairs.SelectMany(p => RecentTrades(exchange, p, now(), 500).Select(t => (Pair: p, Trade: t)))
                .OrderBy(r => r.Trade.Timestamp).ToList();
            return query.Respond(rows, r => side is null || r.Trade.Side == side, r => r.Trade.Timestamp,
                new Dictionary<string, Func<(Pair Pair, PublicTrade Trade), object?>>
                {
                    ["timestamp"] = r => r.Trade.Timestamp,
                    ["price"] = r => r.Trade.Price,
                    ["size"] = r => r.Trade.Size,
                },
                r => new Dictionary<string, object>
                {
                    ["symbol"] = r.Pair.Name, ["side"] = r.Trade.Side, ["size"] = r.Trade.Size, ["price"] = r.Trade.Price, ["timestamp"] = r.Trade.Timestamp,
                });
        });
        routes.Public("GET", "/chart", request =>
        {
            var pair = PairOf(exchange, request.RequiredQuery("symbol"));
            var (resolution, from, to) = ChartRange(request);
            return WireResults.Json(Candles(exchange, pair, resolution, from, to));
        });
        routes.Public("GET", "/charts", request =>
        {
            var (resolution, from, to) = ChartRange(request);
            return WireResults.Json(catalog.Pairs.ToDictionary(p => p.Name, p => Candles(exchange, p, resolution, from, to)));
        });
        routes.Public("GET", "/minicharts", request =>
        {
            var assets = (request.Query("assets") ?? string.Join(',', catalog.Coins.Select(c => c.Symbol))).Split(',');
            var quote = request.Query("quote") ?? "usdt";
            var period = request.Query("period") == "7d" ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
            var end = now();
            return WireResults.Json(assets.ToDictionary(a => a, a => Enumerable.Range(0, 25)
                .Select(i => end - period + period * i / 24)
                .Select(t => new Dictionary<string, object>
                {
                    ["time"] = t,
                    ["price"] = Oracle(exchange, a, quote, 1, t).ToString(CultureInfo.InvariantCulture),
                    ["symbol"] = a,
                    ["quote"] = quote,
                }).ToList()));
        });
        routes.Public("GET", "/udf/config", _ => WireResults.Json(new Dictionary<string, object>
        {
            ["supported_resolutions"] = Resolution.Supported,
            ["supports_group_request"] = false,
            ["supports_marks"] = false,
            ["supports_search"] = true,
            ["supports_timescale_marks"] = false,
        }));
        routes.Public("GET", "/udf/history", request =>
        {
            var pair = PairOf(exchange, request.RequiredQuery("symbol"));
            var (resolution, from, to) = ChartRange(request);
            var bars = prices.Candles(pair, resolution, from, to, now(), MaxBars);
            return bars.Count == 0
                ? WireResults.Json(new Dictionary<string, object> { ["s"] = "no_data" })
                : WireResults.Json(new Dictionary<string, object>
                {
                    ["s"] = "ok",
                    ["t"] = bars.Select(b => b.Time.ToUnixTimeSeconds()).ToList(),
                    ["o"] = bars.Select(b => b.Open).ToList(),
                    ["h"] = bars.Select(b => b.High).ToList(),
                    ["l"] = bars.Select(b => b.Low).ToList(),
                    ["c"] = bars.Select(b => b.Close).ToList(),
                    ["v"] = bars.Select(b => b.Volume).ToList(),
                });
        });
        routes.Public("GET", "/oracle/prices", request =>
        {
            var assets = request.RequiredQuery("assets").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var quote = request.Query("quote") ?? "usdt";
            var amount = request.QueryDecimal("amount") ?? 1;
            if (catalog.FindCoin(quote) is null)
            {
                throw SandboxError.BadRequest("Invalid quote");
            }
            if (amount <= 0)
            {
                throw SandboxError.BadRequest("Invalid amount");
            }
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var asset in assets)
            {
                if (catalog.FindCoin(asset) is null)
                {
                    throw SandboxError.BadRequest("Invalid asset");
                }
                result[asset] = Oracle(exchange, asset, quote, amount, now());
            }
            return WireResults.Json(result);
        });
    }

    public static Pair PairOf(SandboxExchange exchange, string symbol) =>
        exchange.State.Catalog.FindPair(symbol) ?? throw SandboxError.BadRequest("Invalid symbol");

    private static decimal Oracle(SandboxExchange exchange, string asset, string quote, decimal amount, DateTimeOffset at)
    {
        var value = amount * (decimal)(exchange.Prices.UsdtPrice(asset, at) / exchange.Prices.UsdtPrice(quote, at));
        var digits = value >= 1_000 ? 2 : value >= 1 ? 4 : 8;
        return Math.Round(value, digits);
    }

    private static (TimeSpan Resolution, DateTimeOffset From, DateTimeOffset To) ChartRange(SandboxRequest request)
    {
        var resolutionText = request.RequiredQuery("resolution");
        var resolution = Resolution.Parse(resolutionText) ?? throw SandboxError.BadRequest("Invalid resolution");
        var from = request.QueryLong("from") ?? throw ValidationError.Required("from");
        var to = request.QueryLong("to") ?? throw ValidationError.Required("to");
        return (resolution, DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(to));
    }

    private static List<Dictionary<string, object>> Candles(SandboxExchange exchange, Pair pair, TimeSpan resolution, DateTimeOffset from, DateTimeOffset to) =>
        [.. exchange.Prices.Candles(pair, resolution, from, to, exchange.Time.GetUtcNow(), MaxBars).Select(c => new Dictionary<string, object>
        {
            ["time"] = c.Time,
            ["open"] = c.Open,
            ["high"] = c.High,
            ["low"] = c.Low,
            ["close"] = c.Close,
            ["volume"] = c.Volume,
            ["symbol"] = pair.Name,
        })];

    /// <summary>24-hour ticker: flat with <c>timestamp</c> for <c>/ticker</c>, with <c>time</c> and <c>symbol</c> in <c>/tickers</c>.</summary>
    private static Dictionary<string, object> Ticker(SandboxExchange exchange, Pair pair, DateTimeOffset now, bool includeSymbol)
    {
        var bars = exchange.Prices.Candles(pair, TimeSpan.FromMinutes(10), now.AddDays(-1), now, now, 200);
        var last = exchange.Prices.Price(pair, now);
        var ticker = new Dictionary<string, object>();
        if (includeSymbol)
        {
            ticker["time"] = now;
        }
        ticker["open"] = bars[0].Open;
        ticker["close"] = last;
        ticker["high"] = Math.Max(last, bars.Max(b => b.High));
        ticker["low"] = Math.Min(last, bars.Min(b => b.Low));
        ticker["last"] = last;
        ticker["volume"] = pair.RoundSize(bars.Sum(b => b.Volume) / 10);
        if (includeSymbol)
        {
            ticker["symbol"] = pair.Name;
        }
        else
        {
            ticker["timestamp"] = now;
        }
        return ticker;
    }

    private static Dictionary<string, object> Book(SandboxExchange exchange, Pair pair)
    {
        var (bids, asks) = exchange.Engine.Book(pair, 10);
        return new Dictionary<string, object>
        {
            ["bids"] = bids.Select(l => new[] { l.Price, l.Size }).ToList(),
            ["asks"] = asks.Select(l => new[] { l.Price, l.Size }).ToList(),
            ["timestamp"] = exchange.Time.GetUtcNow(),
        };
    }

    /// <summary>Real sandbox trades merged with the market's synthetic prints (one every 30–90 s on the path).</summary>
    private static List<PublicTrade> RecentTrades(SandboxExchange exchange, Pair pair, DateTimeOffset now, int count)
    {
        var seed = (ulong)(uint)exchange.Options.Seed;
        var synthetic = new List<PublicTrade>(count);
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var key = (ulong)at.ToUnixTimeSeconds();
            var size = pair.RoundSize(Math.Max(pair.MinSize, (decimal)(50 + 2_000 * DeterministicNoise.Unit(seed, (ulong)pair.Id + 200, key))
                / (decimal)exchange.Prices.UsdtPrice(pair.Base, at)));
            var side = DeterministicNoise.Unit(seed, (ulong)pair.Id + 300, key) < 0.5 ? "buy" : "sell";
            synthetic.Add(new PublicTrade(size, exchange.Prices.Price(pair, at), side, at));
            at = at.AddSeconds(-(30 + (int)(60 * DeterministicNoise.Unit(seed, (ulong)pair.Id + 400, key))));
        }
        return [.. synthetic.Concat(exchange.State.RecentTrades[pair.Index]).OrderByDescending(t => t.Timestamp).Take(count)];
    }

    private static Dictionary<string, object> Constants(SandboxExchange exchange)
    {
        var created = exchange.StartedAt.AddYears(-3);
        var catalog = exchange.State.Catalog;
        return new Dictionary<string, object>
        {
            ["coins"] = catalog.Coins.ToDictionary(c => c.Symbol, c => (object)new Dictionary<string, object?>
            {
                ["id"] = c.Id,
                ["fullname"] = c.Fullname,
                ["symbol"] = c.Symbol,
                ["active"] = true,
                ["verified"] = true,
                ["allow_deposit"] = true,
                ["allow_withdrawal"] = true,
                ["withdrawal_fee"] = c.WithdrawalFee,
                ["withdrawal_fees"] = null,
                ["min"] = c.Min,
                ["max"] = c.Max,
                ["increment_unit"] = c.IncrementUnit,
                ["logo"] = "",
                ["code"] = c.Symbol,
                ["is_public"] = true,
                ["meta"] = new Dictionary<string, object>(),
                ["type"] = "blockchain",
                ["network"] = c.Network,
                ["standard"] = null,
                ["estimated_price"] = null,
                ["created_at"] = created,
                ["updated_at"] = created,
            }),
            ["pairs"] = catalog.Pairs.ToDictionary(p => p.Name, p => (object)new Dictionary<string, object>
            {
                ["id"] = p.Id,
                ["name"] = p.Name,
                ["pair_base"] = p.Base,
                ["pair_2"] = p.Quote,
                ["min_size"] = p.MinSize,
                ["max_size"] = p.MaxSize,
                ["min_price"] = p.MinPrice,
                ["max_price"] = p.MaxPrice,
                ["increment_size"] = p.IncrementSize,
                ["increment_price"] = p.IncrementPrice,
                ["active"] = true,
                ["is_public"] = true,
                ["created_at"] = created,
                ["updated_at"] = created,
            }),
            ["broker"] = new Dictionary<string, object>(),
            ["quicktrade"] = catalog.Pairs.Select(p => new Dictionary<string, object>
            {
                ["type"] = "pro",
                ["symbol"] = p.Name,
                ["active"] = true,
            }).ToList(),
            ["transactionLimits"] = new List<object>(),
            ["networkQuickTrades"] = new List<object>(),
            ["network"] = "https://api.hollaex.network",
        };
    }

    private static Dictionary<string, object> Tier(SandboxExchange exchange, int level)
    {
        var fees = FeeTiers.For(level);
        var created = exchange.StartedAt.AddYears(-3);
        var pairs = exchange.State.Catalog.Pairs;
        return new Dictionary<string, object>
        {
            ["id"] = level,
            ["name"] = $"Tier {level}",
            ["icon"] = "",
            ["description"] = level == 1 ? "Basic" : "Verified",
            ["deposit_limit"] = 0,
            ["withdrawal_limit"] = 0,
            ["fees"] = new Dictionary<string, object>
            {
                ["maker"] = pairs.ToDictionary(p => p.Name, _ => fees.Maker),
                ["taker"] = pairs.ToDictionary(p => p.Name, _ => fees.Taker),
            },
            ["note"] = "",
            ["created_at"] = created,
            ["updated_at"] = created,
        };
    }
}
