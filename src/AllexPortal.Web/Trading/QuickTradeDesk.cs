using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;

namespace AllexPortal.Web.Trading;

/// <summary>
/// Quick trade: a quote between two coins that carries a short-lived token, then its execution. The portal checks
/// the token's expiry with the injected clock before sending, so an expired quote costs no request and the user is
/// offered a new one; an expiry only the exchange noticed reads the same. Executions are sent once, never retried.
/// </summary>
public sealed partial class QuickTradeDesk(
    ConnectionOpener opener,
    MarketRules rules,
    AuditLog audit,
    TimeProvider time,
    ILogger<QuickTradeDesk> logger)
{
    /// <summary>How long a quote lasts when the exchange does not say (the Kit's tokens live about 30 s).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Coins that can be traded into each other, as pairs of the connection's exchange.</summary>
    public async Task<IReadOnlyList<PairRules>> PairsAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var exchange = await opener.ExchangeOfAsync(userId, connectionId, cancellationToken);
        return await rules.PairsAsync(exchange, cancellationToken);
    }

    /// <summary>Asks the exchange for an executable quote to spend <paramref name="spendingAmount"/> of one coin for another.</summary>
    /// <exception cref="AccessDeniedException">The user may not trade with this connection.</exception>
    /// <exception cref="TradeRefusedException">The key cannot trade, or the amount is not positive.</exception>
    /// <exception cref="ExchangeApiException">The exchange could not quote (e.g. an amount too small).</exception>
    public async Task<QuickTradeOffer> QuoteAsync(
        string userId, Guid connectionId, string spendingCoin, string receivingCoin, decimal spendingAmount, CancellationToken cancellationToken = default)
    {
        var connection = await TradableAsync(userId, connectionId, cancellationToken);
        if (spendingAmount <= 0)
        {
            throw new TradeRefusedException("Enter an amount to spend that is more than zero.");
        }

        var quote = await connection.Client.Trading.GetQuickTradeQuoteAsync(
            spendingCoin.ToLowerInvariant(), receivingCoin.ToLowerInvariant(), spendingAmount, cancellationToken: cancellationToken);
        if (string.IsNullOrEmpty(quote.Token))
        {
            throw new TradeRefusedException("The exchange gave a price but no executable quote for this pair. Try a different amount or use an order.");
        }

        var asked = time.GetUtcNow();
        return new QuickTradeOffer(connectionId, quote, quote.Expiry ?? asked + DefaultLifetime);
    }

    /// <summary>Executes the quote if its token is still valid by the portal's clock; otherwise says it expired without asking the exchange.</summary>
    /// <exception cref="AccessDeniedException">The user may not trade with this connection.</exception>
    /// <exception cref="TradeRefusedException">The key cannot trade.</exception>
    public async Task<QuickTradeResult> ExecuteAsync(string userId, QuickTradeOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var connection = await TradableAsync(userId, offer.ConnectionId, cancellationToken);
        if (offer.RemainingAt(time.GetUtcNow()) == TimeSpan.Zero)
        {
            return Expired();
        }

        var quote = offer.Quote;
        QuickTradeResult result;
        try
        {
            var order = await connection.Client.Trading.ExecuteQuickTradeAsync(new ExecuteQuickTradeRequest(quote.Token!), CancellationToken.None);
            result = new QuickTradeResult(QuickTradeOutcome.Executed,
                $"Traded {OrderTicketValidation.Show(quote.SpendingAmount)} {quote.SpendingCurrency.ToUpperInvariant()} for {OrderTicketValidation.Show(quote.ReceivingAmount)} {quote.ReceivingCurrency.ToUpperInvariant()} (order {order.Id}, {order.Status}).",
                order);
        }
        catch (ExchangeApiException failure) when (failure.Kind is ExchangeErrorKind.Rejected or ExchangeErrorKind.InvalidRequest
            && (failure.ExchangeMessage?.Contains("expired", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return Expired();
        }
        catch (ExchangeApiException failure) when (failure.Kind is ExchangeErrorKind.Rejected or ExchangeErrorKind.InvalidRequest
            or ExchangeErrorKind.PermissionDenied or ExchangeErrorKind.CredentialsRejected or ExchangeErrorKind.RateLimited or ExchangeErrorKind.NotFound)
        {
            LogRefused(failure, offer.ConnectionId, failure.Kind);
            return new QuickTradeResult(QuickTradeOutcome.Rejected, $"The exchange refused the quick trade: {failure.ExchangeMessage ?? failure.Message}", null);
        }
        catch (ExchangeApiException failure)
        {
            LogUnconfirmed(failure, offer.ConnectionId, failure.Kind);
            result = new QuickTradeResult(QuickTradeOutcome.Unknown,
                $"The exchange did not confirm the quick trade: {failure.Message} It may have executed; check your balances before trying again.", null);
        }

        await audit.RecordAsync(userId, AuditAction.QuickTradeExecuted, offer.ConnectionId.ToString(),
            $"{connection.Label}: {OrderTicketValidation.Show(quote.SpendingAmount)} {quote.SpendingCurrency} → {OrderTicketValidation.Show(quote.ReceivingAmount)} {quote.ReceivingCurrency} → {result.Outcome}{(result.Order is { } o ? $" (order {o.Id})" : "")}",
            cancellationToken: CancellationToken.None);
        return result;
    }

    private static QuickTradeResult Expired() =>
        new(QuickTradeOutcome.Expired, "This quote has expired, so nothing was traded. Ask for a new quote.", null);

    private Task<GrantedConnection> TradableAsync(string userId, Guid connectionId, CancellationToken cancellationToken) =>
        opener.OpenForTradingAsync(userId, connectionId, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "The exchange refused a quick trade on connection {ConnectionId} ({Kind})")]
    private partial void LogRefused(Exception failure, Guid connectionId, ExchangeErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A quick trade on connection {ConnectionId} was not confirmed ({Kind}); not retried")]
    private partial void LogUnconfirmed(Exception failure, Guid connectionId, ExchangeErrorKind kind);
}
