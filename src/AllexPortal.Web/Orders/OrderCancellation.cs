using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Orders;

/// <summary>
/// Cancels a user's open orders on the exchange. Every call is checked on the server by <see cref="PortalAccess"/>:
/// the user's role must grant <see cref="PortalPermission.Trade"/> on the connection and its key must be able to
/// trade (<see cref="TradableConnectionsAsync(string, Guid?, CancellationToken)"/> is that same rule for the page). A cancel is sent once
/// and never retried: a timed-out cancel may still have happened. The ledger's order row is updated from the
/// exchange's answer, so the page shows the new status without waiting for the next sync; every cancel is audited.
/// </summary>
public sealed partial class OrderCancellation(
    IDbContextFactory<PortalDb> databases,
    ConnectionService connections,
    PortalAccess access,
    AuditLog audit,
    TimeProvider time,
    ILogger<OrderCancellation> logger)
{
    /// <summary>The ids of the user's personal connections whose key may cancel orders.</summary>
    public Task<IReadOnlySet<Guid>> TradableConnectionsAsync(string userId, CancellationToken cancellationToken = default) =>
        TradableConnectionsAsync(userId, null, cancellationToken);

    /// <summary>The ids of the connections of <paramref name="workspaceId"/> (null: personal) on which the user's role and the key allow cancelling.</summary>
    public async Task<IReadOnlySet<Guid>> TradableConnectionsAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken = default) =>
        (await access.ConnectionsAsync(userId, workspaceId, PortalPermission.Trade, cancellationToken)).ToHashSet();

    /// <summary>Cancels one order and reports the exchange's answer.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user's role may not trade with it.</exception>
    /// <exception cref="OrderCancellationRefusedException">The connection's key cannot trade.</exception>
    public async Task<OrderCancelResult> CancelAsync(string userId, Guid connectionId, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var client = await AuthorisedClientAsync(userId, connectionId, cancellationToken);
        LogCancelling(userId, connectionId, orderId);
        OrderCancelResult result;
        try
        {
            var cancelled = await client.Trading.CancelOrderAsync(orderId, cancellationToken);
            result = new OrderCancelResult(orderId, OrderCancelOutcome.Cancelled, $"Order {orderId} was cancelled.", cancelled);
        }
        catch (ExchangeApiException failure)
        {
            result = await ExplainRefusalAsync(client, orderId, failure, cancellationToken);
        }

        if (result.Order is { } order)
        {
            await RecordAsync(connectionId, [order], cancellationToken);
        }

        LogCancelled(userId, connectionId, orderId, result.Outcome);
        await audit.RecordAsync(userId, AuditAction.OrderCancelled, connectionId.ToString(), $"order {orderId} → {result.Outcome}",
            cancellationToken: CancellationToken.None);
        return result;
    }

    /// <summary>Cancels every open order of <paramref name="symbol"/> and reports which ones the exchange cancelled.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user's role may not trade with it.</exception>
    /// <exception cref="OrderCancellationRefusedException">The connection's key cannot trade.</exception>
    public async Task<OrderCancelAllResult> CancelAllAsync(string userId, Guid connectionId, string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var client = await AuthorisedClientAsync(userId, connectionId, cancellationToken);
        LogCancellingAll(userId, connectionId, symbol);
        try
        {
            var cancelled = await client.Trading.CancelAllOrdersAsync(symbol, cancellationToken);
            await RecordAsync(connectionId, cancelled, cancellationToken);
            LogCancelledAll(userId, connectionId, symbol, cancelled.Count);
            await audit.RecordAsync(userId, AuditAction.OrderCancelled, connectionId.ToString(),
                $"all {symbol} orders → {cancelled.Count} cancelled", cancellationToken: CancellationToken.None);
            var message = cancelled.Count switch
            {
                0 => $"The exchange had no open {symbol.ToUpperInvariant()} orders to cancel.",
                1 => $"1 {symbol.ToUpperInvariant()} order was cancelled.",
                var n => $"{n} {symbol.ToUpperInvariant()} orders were cancelled.",
            };
            return new OrderCancelAllResult(symbol, cancelled, message, Failed: false);
        }
        catch (ExchangeApiException failure)
        {
            LogCancelAllFailed(failure, userId, connectionId, symbol);
            return new OrderCancelAllResult(symbol, [], Unknown(failure), Failed: true);
        }
    }

    /// <summary>The rule: the role grants Trade on the connection (else <see cref="AccessDeniedException"/>) and its key can trade.</summary>
    private async Task<bool> MayTradeAsync(string userId, Guid connectionId, CancellationToken cancellationToken)
    {
        var grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        if (!grant.Allows(PortalPermission.Trade))
        {
            await access.DemandConnectionAsync(userId, connectionId, PortalPermission.Trade, cancellationToken);
        }

        return grant.KeyCanTrade;
    }

    private async Task<AllexApiKeyClient> AuthorisedClientAsync(string userId, Guid connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!await MayTradeAsync(userId, connectionId, cancellationToken))
        {
            LogNoTradePermission(userId, connectionId);
            throw new OrderCancellationRefusedException(
                "This connection's API key cannot trade, so the portal cannot cancel its orders. Cancel on the exchange, or rotate to a key with trading permission on the Connections page.");
        }

        return await connections.OpenClientAsync(userId, connectionId, PortalPermission.Trade, cancellationToken);
    }

    /// <summary>After a refused or failed cancel, reads the order back (a read is safe to send) to say why and to refresh the ledger.</summary>
    private async Task<OrderCancelResult> ExplainRefusalAsync(
        AllexApiKeyClient client, string orderId, ExchangeApiException failure, CancellationToken cancellationToken)
    {
        LogCancelRefused(failure, orderId, failure.Kind);
        Order? current = null;
        try
        {
            current = await client.Trading.GetOrderAsync(orderId, cancellationToken);
        }
        catch (ExchangeApiException readFailure) when (readFailure.Kind == ExchangeErrorKind.NotFound)
        {
            return new OrderCancelResult(orderId, OrderCancelOutcome.NotFound, $"The exchange does not know order {orderId}; nothing was cancelled.", null);
        }
        catch (ExchangeApiException readFailure)
        {
            LogReadBackFailed(readFailure, orderId);
        }

        return current switch
        {
            { IsOpen: false, Status: "filled" } => new OrderCancelResult(orderId, OrderCancelOutcome.AlreadyClosed, $"Order {orderId} was already filled; nothing was cancelled.", current),
            { IsOpen: false } => new OrderCancelResult(orderId, OrderCancelOutcome.AlreadyClosed, $"Order {orderId} was already cancelled.", current),
            _ => new OrderCancelResult(orderId, OrderCancelOutcome.Failed, Unknown(failure), current),
        };
    }

    private static string Unknown(ExchangeApiException failure) =>
        $"The exchange did not confirm the cancel: {failure.Message} The portal does not retry a cancel on its own; check the order's status after the next sync before trying again.";

    /// <summary>Writes what the exchange said about these orders into the connection's ledger rows that exist (sync adds new ones).</summary>
    private async Task RecordAsync(Guid connectionId, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return;
        }

        var ids = orders.Select(o => o.Id).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.LedgerOrders.Where(o => o.ConnectionId == connectionId && ids.Contains(o.ExchangeId)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            var order = orders.First(o => o.Id == row.ExchangeId);
            Apply(row, order, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Apply(LedgerOrder row, Order order, DateTimeOffset now)
    {
        row.Status = order.Status ?? row.Status;
        row.IsOpen = order.IsOpen;
        row.Filled = order.Filled;
        row.Average = order.Average ?? row.Average;
        row.Fee = order.Fee ?? row.Fee;
        row.FeeCoin = order.FeeCoin ?? row.FeeCoin;
        row.UpdatedAt = order.UpdatedAt ?? now;
        row.SyncedAt = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an order cancel: the key of connection {ConnectionId} cannot trade (user {UserId})")]
    private partial void LogNoTradePermission(string userId, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} cancels order {OrderId} on connection {ConnectionId}")]
    private partial void LogCancelling(string userId, Guid connectionId, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel of order {OrderId} on connection {ConnectionId} by user {UserId}: {Outcome}")]
    private partial void LogCancelled(string userId, Guid connectionId, string orderId, OrderCancelOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} cancels all {Symbol} orders on connection {ConnectionId}")]
    private partial void LogCancellingAll(string userId, Guid connectionId, string symbol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {Count} {Symbol} orders on connection {ConnectionId} for user {UserId}")]
    private partial void LogCancelledAll(string userId, Guid connectionId, string symbol, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancel all {Symbol} orders on connection {ConnectionId} for user {UserId} failed")]
    private partial void LogCancelAllFailed(Exception failure, string userId, Guid connectionId, string symbol);

    [LoggerMessage(Level = LogLevel.Information, Message = "The exchange refused to cancel order {OrderId} ({Kind})")]
    private partial void LogCancelRefused(Exception failure, string orderId, ExchangeErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading order {OrderId} back after a refused cancel failed")]
    private partial void LogReadBackFailed(Exception failure, string orderId);
}
