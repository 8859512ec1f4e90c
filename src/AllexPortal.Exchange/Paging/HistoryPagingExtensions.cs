using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Exchange.Paging;

/// <summary>Every row of the paged history endpoints as one stream, with the filters of <see cref="HistoryFilter"/>.</summary>
public static class HistoryPagingExtensions
{
    public static IAsyncEnumerable<UserTrade> ReadAllTradesAsync(this IAllexUserApi api, HistoryFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var f = filter ?? new HistoryFilter();
        return PageReader.ReadAllAsync((page, limit, ct) => api.GetTradesAsync(f.Symbol, f.ToPage(page, limit, "timestamp"), ct), f.PageSize, cancellationToken);
    }

    public static IAsyncEnumerable<Transaction> ReadAllDepositsAsync(this IAllexUserApi api, HistoryFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var f = filter ?? new HistoryFilter();
        return PageReader.ReadAllAsync((page, limit, ct) => api.GetDepositsAsync(f.Symbol, f.ToPage(page, limit, "created_at"), cancellationToken: ct), f.PageSize, cancellationToken);
    }

    public static IAsyncEnumerable<Transaction> ReadAllWithdrawalsAsync(this IAllexUserApi api, HistoryFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var f = filter ?? new HistoryFilter();
        return PageReader.ReadAllAsync((page, limit, ct) => api.GetWithdrawalsAsync(f.Symbol, f.ToPage(page, limit, "created_at"), cancellationToken: ct), f.PageSize, cancellationToken);
    }

    public static IAsyncEnumerable<Order> ReadAllOrdersAsync(this IAllexTradingApi api, OrderFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var f = filter ?? new OrderFilter();
        var h = f.History;
        return PageReader.ReadAllAsync((page, limit, ct) => api.GetOrdersAsync(h.Symbol, f.Side, f.Status, f.Open, h.ToPage(page, limit, "created_at"), ct), h.PageSize, cancellationToken);
    }

    public static IAsyncEnumerable<PublicTrade> ReadAllTradesHistoryAsync(this IAllexPublicApi api, HistoryFilter? filter = null, OrderSide? side = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var f = filter ?? new HistoryFilter();
        return PageReader.ReadAllAsync((page, limit, ct) => api.GetTradesHistoryAsync(f.Symbol, side, f.ToPage(page, limit, "timestamp"), ct), f.PageSize, cancellationToken);
    }
}
