using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using Refit;

namespace AllexPortal.Exchange.Trading;

/// <summary>
/// Orders and quick trades, reachable with a bearer session or an API key (<c>can_trade</c> to place or
/// cancel, <c>can_read</c> to list). Writes are never retried: a timeout may still have placed the order.
/// </summary>
public interface IAllexTradingApi
{
    [Post("/order")]
    Task<Order> CreateOrderAsync([Body] CreateOrderRequest request, CancellationToken cancellationToken = default);

    [Get("/order")]
    Task<Order> GetOrderAsync([AliasAs("order_id")] string orderId, CancellationToken cancellationToken = default);

    [Delete("/order")]
    Task<Order> CancelOrderAsync([AliasAs("order_id")] string orderId, CancellationToken cancellationToken = default);

    [Get("/orders")]
    Task<Paged<Order>> GetOrdersAsync(
        string? symbol = null,
        OrderSide? side = null,
        string? status = null,
        bool? open = null,
        [Query] PageQuery? paging = null,
        CancellationToken cancellationToken = default);

    [Get("/orders?format=csv")]
    Task<Stream> ExportOrdersCsvAsync(
        string? symbol = null,
        [Query] PageQuery? range = null,
        CancellationToken cancellationToken = default);

    /// <summary>Cancels every open order of one pair and returns them.</summary>
    [Delete("/order/all")]
    Task<IReadOnlyList<Order>> CancelAllOrdersAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>A quote that carries an executable <see cref="QuickTradeQuote.Token"/> because it is asked with credentials.</summary>
    [Get("/quick-trade")]
    Task<QuickTradeQuote> GetQuickTradeQuoteAsync(
        [AliasAs("spending_currency")] string spendingCurrency,
        [AliasAs("receiving_currency")] string receivingCurrency,
        [AliasAs("spending_amount")] decimal? spendingAmount = null,
        [AliasAs("receiving_amount")] decimal? receivingAmount = null,
        CancellationToken cancellationToken = default);

    [Post("/order/execute")]
    Task<Order> ExecuteQuickTradeAsync([Body] ExecuteQuickTradeRequest request, CancellationToken cancellationToken = default);
}
