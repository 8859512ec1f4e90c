using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.Audit;

namespace AllexPortal.Web.Trading;

/// <summary>
/// Places orders for users whose role allows trading (<see cref="PortalPermission.Trade"/>) with connections whose
/// stored key can trade. Every ticket is checked against the pair's rules on the server before anything is sent, and
/// an order is sent exactly once: the exchange client never retries a POST, and neither does this class, because a
/// lost answer may hide a placed order.
/// </summary>
public sealed partial class OrderPlacement(
    ConnectionOpener opener,
    MarketRules rules,
    AuditLog audit,
    ILogger<OrderPlacement> logger)
{
    /// <summary>The connections of the workspace (null: personal) the user may see, with whether role and key allow trading.</summary>
    public Task<IReadOnlyList<TradingConnection>> ConnectionsAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken = default) =>
        opener.ListAsync(userId, workspaceId, cancellationToken);

    /// <summary>The pairs and their rules on the connection's exchange.</summary>
    /// <exception cref="AccessDeniedException">Not a connection the user may see.</exception>
    public async Task<IReadOnlyList<PairRules>> PairsAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var exchange = await opener.ExchangeOfAsync(userId, connectionId, cancellationToken);
        return await rules.PairsAsync(exchange, cancellationToken);
    }

    /// <summary>Checks the ticket and estimates its cost and fee, sending nothing that changes the account.</summary>
    /// <exception cref="AccessDeniedException">The user may not trade with this connection.</exception>
    /// <exception cref="TradeRefusedException">The connection's key cannot trade.</exception>
    /// <exception cref="OrderTicketInvalidException">The ticket breaks the pair's rules.</exception>
    public async Task<OrderPreview> PreviewAsync(string userId, OrderTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var frozen = ticket.Copy();
        var (connection, pair) = await CheckAsync(userId, frozen, cancellationToken);
        var estimate = await EstimateAsync(connection, pair, frozen, cancellationToken);
        return new OrderPreview(frozen, connection.Label, pair, estimate);
    }

    /// <summary>Sends the order once and reports the exchange's answer; refusals and lost answers come back as results.</summary>
    /// <exception cref="AccessDeniedException">The user may not trade with this connection.</exception>
    /// <exception cref="TradeRefusedException">The connection's key cannot trade.</exception>
    /// <exception cref="OrderTicketInvalidException">The ticket breaks the pair's rules; nothing was sent.</exception>
    public async Task<OrderPlacementResult> PlaceAsync(string userId, OrderTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var frozen = ticket.Copy();
        var (connection, _) = await CheckAsync(userId, frozen, cancellationToken);
        var request = frozen.ToRequest();
        LogPlacing(userId, frozen.ConnectionId, request.Symbol, request.Side, request.Type);
        OrderPlacementResult result;
        try
        {
            var order = await connection.Client.Trading.CreateOrderAsync(request, CancellationToken.None);
            result = Describe(order);
        }
        catch (ExchangeApiException failure) when (IsRefusal(failure.Kind))
        {
            LogRefused(failure, frozen.ConnectionId, failure.Kind);
            return new OrderPlacementResult(OrderPlacementOutcome.Rejected, $"The exchange refused the order: {failure.ExchangeMessage ?? failure.Message}", null);
        }
        catch (ExchangeApiException failure)
        {
            LogUnconfirmed(failure, frozen.ConnectionId, failure.Kind);
            result = new OrderPlacementResult(OrderPlacementOutcome.Unknown,
                $"The exchange did not confirm the order: {failure.Message} It may or may not have been placed, and the portal never sends an order again on its own: check the open orders before trying again.",
                null);
        }

        await audit.RecordAsync(userId, AuditAction.OrderPlaced, frozen.ConnectionId.ToString(), AuditDetail(connection.Label, request, result),
            cancellationToken: CancellationToken.None);
        return result;
    }

    /// <summary>The connection's open orders, newest first (up to 50), read from the exchange, with their sizes and
    /// prices: only for a role that shows amounts (<see cref="PortalPermission.ViewAmounts"/>).</summary>
    /// <exception cref="AccessDeniedException">Not a connection the user may see, or a role without amounts.</exception>
    public async Task<IReadOnlyList<Order>> OpenOrdersAsync(string userId, Guid connectionId, string? symbol = null, CancellationToken cancellationToken = default)
    {
        var connection = await opener.OpenAsync(userId, connectionId, PortalPermission.ViewAmounts, cancellationToken);
        return await ReadOpenOrdersAsync(connection, symbol, cancellationToken);
    }

    /// <summary>The connection's open orders as a role without amounts may see them (<see cref="OpenOrderActivity"/>:
    /// when, pair, side, type and the filled part in percent), projected here so no size, price or fee reaches the
    /// page that asked.</summary>
    /// <exception cref="AccessDeniedException">Not a connection the user may see.</exception>
    public async Task<IReadOnlyList<OpenOrderActivity>> OpenOrderActivityAsync(
        string userId, Guid connectionId, string? symbol = null, CancellationToken cancellationToken = default)
    {
        var connection = await opener.OpenAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        return [.. (await ReadOpenOrdersAsync(connection, symbol, cancellationToken)).Select(OpenOrderActivity.Of)];
    }

    private static async Task<IReadOnlyList<Order>> ReadOpenOrdersAsync(GrantedConnection connection, string? symbol, CancellationToken cancellationToken)
    {
        var page = await connection.Client.Trading.GetOrdersAsync(symbol, open: true,
            paging: new PageQuery { Limit = 50, Page = 1, OrderBy = "created_at", Order = SortOrder.Desc }, cancellationToken: cancellationToken);
        return page.Data;
    }

    private async Task<(GrantedConnection Connection, PairRules Pair)> CheckAsync(string userId, OrderTicket ticket, CancellationToken cancellationToken)
    {
        GrantedConnection connection;
        try
        {
            connection = await opener.OpenForTradingAsync(userId, ticket.ConnectionId, cancellationToken);
        }
        catch (TradeRefusedException)
        {
            LogReadOnlyKey(userId, ticket.ConnectionId);
            throw;
        }

        var pairs = await rules.PairsAsync(connection.ExchangeUrl, cancellationToken);
        var pair = pairs.FirstOrDefault(p => string.Equals(p.Symbol, ticket.Symbol, StringComparison.OrdinalIgnoreCase));
        var errors = OrderTicketValidation.Validate(ticket, pair);
        if (errors.Count > 0)
        {
            throw new OrderTicketInvalidException(errors);
        }

        ticket.Symbol = pair!.Symbol;
        return (connection, pair);
    }

    private async Task<OrderEstimate?> EstimateAsync(GrantedConnection connection, PairRules pair, OrderTicket ticket, CancellationToken cancellationToken)
    {
        var price = ticket.Type == OrderType.Limit ? ticket.Price : ticket.Stop ?? await LastPriceAsync(connection, pair, cancellationToken);
        if (price is not { } at)
        {
            return null;
        }

        var size = ticket.Size!.Value;
        var notional = size * at;
        var maker = ticket.Type == OrderType.Limit && ticket.PostOnly;
        var rates = await FeeRatesAsync(connection, pair, cancellationToken);
        decimal? rate = rates is null ? null : maker ? rates.Maker : rates.Taker;
        var buying = ticket.Side == OrderSide.Buy;
        decimal? fee = rate is { } r ? (buying ? size : notional) * r / 100m : null;
        decimal? feeInQuote = fee is { } f ? (buying ? f * at : f) : null;
        return new OrderEstimate(at, ticket.Type == OrderType.Market, notional, pair.Quote, rate, maker, fee, buying ? pair.Base : pair.Quote, feeInQuote);
    }

    private async Task<decimal?> LastPriceAsync(GrantedConnection connection, PairRules pair, CancellationToken cancellationToken)
    {
        try
        {
            return await rules.LastPriceAsync(connection.ExchangeUrl, pair.Symbol, cancellationToken);
        }
        catch (ExchangeApiException failure)
        {
            LogEstimateFailed(failure, pair.Symbol);
            return null;
        }
    }

    /// <summary>The user's fee tier is the profile's verification level; the rates of that tier come from <c>/tiers</c>.</summary>
    private async Task<FeeRates?> FeeRatesAsync(GrantedConnection connection, PairRules pair, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await connection.Client.User.GetProfileAsync(cancellationToken);
            return await rules.FeeRatesAsync(connection.ExchangeUrl, profile.VerificationLevel, pair.Symbol, cancellationToken);
        }
        catch (ExchangeApiException failure)
        {
            LogEstimateFailed(failure, pair.Symbol);
            return null;
        }
    }

    private static bool IsRefusal(ExchangeErrorKind kind) => kind is ExchangeErrorKind.Rejected or ExchangeErrorKind.InvalidRequest
        or ExchangeErrorKind.PermissionDenied or ExchangeErrorKind.CredentialsRejected or ExchangeErrorKind.NotFound or ExchangeErrorKind.RateLimited;

    private static OrderPlacementResult Describe(Order order)
    {
        var what = $"{(order.Side == OrderSide.Buy ? "Buy" : "Sell")} {OrderTicketValidation.Show(order.Size)} {order.Symbol.ToUpperInvariant()}";
        return order.Status switch
        {
            "filled" => new OrderPlacementResult(OrderPlacementOutcome.Filled,
                $"{what}: filled{(order.Average is { } average ? $" at an average of {OrderTicketValidation.Show(average)}" : "")}.", order),
            "pfilled" => new OrderPlacementResult(OrderPlacementOutcome.PartiallyFilled,
                $"{what}: partially filled ({OrderTicketValidation.Show(order.Filled)} of {OrderTicketValidation.Show(order.Size)}); the rest is open.", order),
            "canceled" => new OrderPlacementResult(OrderPlacementOutcome.Rejected,
                $"{what}: the exchange cancelled it at once{(order.Meta?.PostOnly == true ? " (a post-only order that would have taken liquidity)" : "")}.", order),
            _ => new OrderPlacementResult(OrderPlacementOutcome.Open, $"{what}: placed, open in the book (order {order.Id}).", order),
        };
    }

    private static string AuditDetail(string label, CreateOrderRequest request, OrderPlacementResult result)
    {
        var price = request.Price is { } limit ? $" @ {OrderTicketValidation.Show(limit)}" : "";
        var stop = request.Stop is { } trigger ? $" stop {OrderTicketValidation.Show(trigger)}" : "";
        var order = result.Order is { } placed ? $" (order {placed.Id})" : "";
        return $"{label}: {request.Side.ToString().ToLowerInvariant()} {request.Type.ToString().ToLowerInvariant()} {OrderTicketValidation.Show(request.Size)} {request.Symbol}{price}{stop} → {result.Outcome}{order}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} places a {Side} {Type} order on {Symbol} with connection {ConnectionId}")]
    private partial void LogPlacing(string userId, Guid connectionId, string symbol, OrderSide side, OrderType type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an order: the key of connection {ConnectionId} cannot trade (user {UserId})")]
    private partial void LogReadOnlyKey(string userId, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The exchange refused an order on connection {ConnectionId} ({Kind})")]
    private partial void LogRefused(Exception failure, Guid connectionId, ExchangeErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An order on connection {ConnectionId} was not confirmed ({Kind}); not retried")]
    private partial void LogUnconfirmed(Exception failure, Guid connectionId, ExchangeErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Estimating an order on {Symbol} could not read the price or fee")]
    private partial void LogEstimateFailed(Exception failure, string symbol);
}
