using System.Text.Json;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;
using Refit;

namespace AllexPortal.Exchange.Market;

/// <summary>
/// Endpoints that need no credentials: market data, exchange configuration, login and price-only quotes.
/// Cache the answers (constants for minutes, tickers and oracle prices for seconds): all users share the
/// exchange's per-IP budget.
/// </summary>
public interface IAllexPublicApi
{
    [Get("/health")]
    Task<HealthStatus> GetHealthAsync(CancellationToken cancellationToken = default);

    [Get("/constants")]
    Task<ExchangeConstants> GetConstantsAsync(CancellationToken cancellationToken = default);

    /// <summary>Branding and feature flags; free-form, so it stays JSON.</summary>
    [Get("/kit")]
    Task<JsonElement> GetKitAsync(CancellationToken cancellationToken = default);

    /// <summary>Fee tiers keyed by tier level (<c>"1"</c>, <c>"2"</c>, ...).</summary>
    [Get("/tiers")]
    Task<IReadOnlyDictionary<string, FeeTier>> GetTiersAsync(CancellationToken cancellationToken = default);

    [Get("/ticker")]
    Task<Ticker> GetTickerAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Tickers of every pair keyed by pair.</summary>
    [Get("/tickers")]
    Task<IReadOnlyDictionary<string, Ticker>> GetTickersAsync(CancellationToken cancellationToken = default);

    /// <summary>The book of one pair, keyed by that pair.</summary>
    [Get("/orderbook")]
    Task<IReadOnlyDictionary<string, OrderBook>> GetOrderBookAsync(string symbol, CancellationToken cancellationToken = default);

    [Get("/orderbooks")]
    Task<IReadOnlyDictionary<string, OrderBook>> GetOrderBooksAsync(CancellationToken cancellationToken = default);

    /// <summary>Recent trades keyed by pair; omit <paramref name="symbol"/> for every pair.</summary>
    [Get("/trades")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<PublicTrade>>> GetTradesAsync(string? symbol = null, CancellationToken cancellationToken = default);

    [Get("/trades/history")]
    Task<Paged<PublicTrade>> GetTradesHistoryAsync(
        string? symbol = null,
        OrderSide? side = null,
        [Query] PageQuery? paging = null,
        CancellationToken cancellationToken = default);

    /// <summary>OHLCV bars; <paramref name="resolution"/> in the seed's set (<c>1, 5, 15, 60, 360, D, W</c>).</summary>
    [Get("/chart")]
    Task<IReadOnlyList<Candle>> GetChartAsync(string symbol, string resolution, [Query(Format = "0")] long from, [Query(Format = "0")] long to, CancellationToken cancellationToken = default);

    [Get("/charts")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<Candle>>> GetChartsAsync(string resolution, [Query(Format = "0")] long from, [Query(Format = "0")] long to, CancellationToken cancellationToken = default);

    /// <summary>Sparklines per asset; <paramref name="period"/> is <c>1d</c> or <c>7d</c>.</summary>
    [Get("/minicharts")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<MiniChartPoint>>> GetMiniChartsAsync(
        [Query(CollectionFormat.Csv)] IEnumerable<string> assets,
        string? quote = null,
        string? period = null,
        CancellationToken cancellationToken = default);

    [Get("/udf/config")]
    Task<ChartConfiguration> GetChartConfigurationAsync(CancellationToken cancellationToken = default);

    [Get("/udf/history")]
    Task<ChartHistory> GetChartHistoryAsync(string symbol, string resolution, [Query(Format = "0")] long from, [Query(Format = "0")] long to, CancellationToken cancellationToken = default);

    /// <summary>Oracle value of <paramref name="amount"/> units of each asset in <paramref name="quote"/>.</summary>
    [Get("/oracle/prices")]
    Task<OraclePrices> GetOraclePricesAsync(
        [Query(CollectionFormat.Csv)] IEnumerable<string> assets,
        string quote = "usdt",
        decimal? amount = null,
        CancellationToken cancellationToken = default);

    [Get("/user/withdrawal/fee")]
    Task<WithdrawalFee> GetWithdrawalFeeAsync(string currency, CancellationToken cancellationToken = default);

    /// <summary>A price-only quote; ask through a signed-in client to receive an executable token.</summary>
    [Get("/quick-trade")]
    Task<QuickTradeQuote> GetQuickTradeQuoteAsync(
        [AliasAs("spending_currency")] string spendingCurrency,
        [AliasAs("receiving_currency")] string receivingCurrency,
        [AliasAs("spending_amount")] decimal? spendingAmount = null,
        [AliasAs("receiving_amount")] decimal? receivingAmount = null,
        CancellationToken cancellationToken = default);

    /// <summary>Registers an account (4 per 2 minutes per IP); the user must verify the email before login.</summary>
    [Post("/signup")]
    Task<MessageResponse> SignupAsync([Body] SignupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Confirms an email-confirmed withdrawal with the emailed token; needs no session. Never retried.</summary>
    [Post("/user/confirm-withdrawal")]
    Task<ConfirmedWithdrawal> ConfirmWithdrawalAsync([Body] ConfirmWithdrawalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a bearer session; wrap the token in <see cref="SessionToken"/>.</summary>
    [Post("/login")]
    Task<LoginResponse> LoginAsync([Body] LoginRequest request, CancellationToken cancellationToken = default);
}
