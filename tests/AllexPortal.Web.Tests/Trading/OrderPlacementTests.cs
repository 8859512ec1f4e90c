using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;
using AllexPortal.Sandbox;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Trading;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Trading;

/// <summary>Placing orders against the embedded sandbox over real HTTP; the sandbox's own books and request tally are the truth.</summary>
public sealed class OrderPlacementTests(TradingPortal portal) : IClassFixture<TradingPortal>, IAsyncDisposable
{
    private const string OrderPath = "/v2/order";
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private OrderPlacement Placement => scope.ServiceProvider.GetRequiredService<OrderPlacement>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_limit_order_below_the_market_is_placed_open_and_listed_with_the_open_orders()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var ticket = LimitBuy(connectionId, Math.Floor(portal.Sandbox.PriceOf("btc-usdt") / 2m));

        var result = await Placement.PlaceAsync(userId, ticket, Ct);

        Assert.Equal(OrderPlacementOutcome.Open, result.Outcome);
        Assert.Contains("placed, open", result.Message, StringComparison.Ordinal);
        Assert.Contains(portal.Sandbox.LiveOrdersOf(portal.DemoEmail), o => o.Id == result.Order!.Id && o.Status == "new");
        var open = await Placement.OpenOrdersAsync(userId, connectionId, cancellationToken: Ct);
        Assert.Contains(open, o => o.Id == result.Order!.Id);
    }

    [Fact]
    public async Task A_market_order_fills_and_the_answer_says_so()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var ticket = new OrderTicket { ConnectionId = connectionId, Symbol = "btc-usdt", Side = OrderSide.Buy, Type = OrderType.Market, Size = 0.001m };

        var result = await Placement.PlaceAsync(userId, ticket, Ct);

        Assert.Equal(OrderPlacementOutcome.Filled, result.Outcome);
        Assert.Equal(0.001m, result.Order!.Filled);
        Assert.Contains("filled at an average of", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placed_order_is_audited_with_connection_symbol_side_size_and_price()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var price = Math.Floor(portal.Sandbox.PriceOf("btc-usdt") / 2m);

        var result = await Placement.PlaceAsync(userId, LimitBuy(connectionId, price), Ct);

        var entry = Assert.Single(await portal.AuditOfAsync(userId), e => e.Action == AuditAction.OrderPlaced);
        Assert.Equal(connectionId.ToString(), entry.Subject);
        Assert.Contains($"buy limit 0.001 btc-usdt @ {price}", entry.Detail, StringComparison.Ordinal);
        Assert.Contains(result.Order!.Id, entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Sandbox.Options.Demo.ApiSecret, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_size_below_the_pairs_minimum_is_refused_before_any_request()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var ticket = LimitBuy(connectionId, 1000m);
        ticket.Size = 0.00001m;
        var sent = portal.Sandbox.RequestsTo("POST", OrderPath);

        var refused = await Assert.ThrowsAsync<OrderTicketInvalidException>(() => Placement.PlaceAsync(userId, ticket, Ct));

        Assert.Equal("Size must be at least 0.0001 BTC.", refused.Errors[OrderField.Size]);
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", OrderPath));
    }

    [Fact]
    public async Task A_price_off_the_pairs_increment_is_refused_before_any_request()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var ticket = LimitBuy(connectionId, 1000.05m);
        var sent = portal.Sandbox.RequestsTo("POST", OrderPath);

        var refused = await Assert.ThrowsAsync<OrderTicketInvalidException>(() => Placement.PlaceAsync(userId, ticket, Ct));

        Assert.StartsWith("Price must be a multiple of 0.1 USDT", refused.Errors[OrderField.Price], StringComparison.Ordinal);
        Assert.False(refused.Errors.ContainsKey(OrderField.Size));
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", OrderPath));
    }

    [Fact]
    public async Task A_server_error_on_place_is_reported_as_unconfirmed_and_the_order_is_sent_exactly_once()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var ticket = LimitBuy(connectionId, Math.Floor(portal.Sandbox.PriceOf("btc-usdt") / 2m));
        var sent = portal.Sandbox.RequestsTo("POST", OrderPath);
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = OrderPath, ServerErrors = 3 });
        OrderPlacementResult result;
        try
        {
            result = await Placement.PlaceAsync(userId, ticket, Ct);
        }
        finally
        {
            portal.Sandbox.SetFaults(new FaultOptions());
        }

        Assert.Equal(OrderPlacementOutcome.Unknown, result.Outcome);
        Assert.Contains("never sends an order again on its own", result.Message, StringComparison.Ordinal);
        Assert.Equal(sent + 1, portal.Sandbox.RequestsTo("POST", OrderPath));
    }

    [Fact]
    public async Task The_exchanges_refusal_is_shown_with_its_reason()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var ticket = new OrderTicket { ConnectionId = connectionId, Symbol = "btc-usdt", Side = OrderSide.Sell, Type = OrderType.Limit, Size = 99m, Price = 10_000_000m };

        var result = await Placement.PlaceAsync(userId, ticket, Ct);

        Assert.Equal(OrderPlacementOutcome.Rejected, result.Outcome);
        Assert.StartsWith("The exchange refused the order: Insufficient balance", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_with_a_read_only_key_cannot_place_and_is_told_why()
    {
        var (userId, connectionId) = await portal.NewReaderAsync();
        var sent = portal.Sandbox.RequestsTo("POST", OrderPath);

        var refused = await Assert.ThrowsAsync<TradeRefusedException>(() => Placement.PlaceAsync(userId, LimitBuy(connectionId, 1000m), Ct));

        Assert.Contains("is read-only, so the portal cannot trade with it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", OrderPath));
    }

    [Fact]
    public async Task A_viewer_of_the_workspace_that_holds_the_connection_is_denied_trading()
    {
        var (ownerId, connectionId) = await portal.NewTraderAsync();
        var viewerId = await portal.NewUserAsync();
        var teams = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var team = await teams.CreateTeamAsync(ownerId, "Desk", Ct);
        await teams.MoveConnectionAsync(ownerId, connectionId, team.Id, Ct);
        await teams.AddMemberAsync(team.Id!.Value, viewerId, WorkspaceRole.Viewer, ownerId, Ct);
        var sent = portal.Sandbox.RequestsTo("POST", OrderPath);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Placement.PlaceAsync(viewerId, LimitBuy(connectionId, 1000m), Ct));

        Assert.Equal(PortalPermission.Trade, denied.Permission);
        Assert.Contains("does not allow", denied.Message, StringComparison.Ordinal);
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", OrderPath));
    }

    [Fact]
    public async Task Another_users_connection_is_refused_like_a_missing_one()
    {
        var (_, connectionId) = await portal.NewTraderAsync();
        var intruder = await portal.NewUserAsync();
        var sent = portal.Sandbox.RequestsTo("POST", OrderPath);

        var denied = await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Placement.PlaceAsync(intruder, LimitBuy(connectionId, 1000m), Ct));

        Assert.Equal($"Connection {connectionId} was not found.", denied.Message);
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", OrderPath));
    }

    [Fact]
    public async Task The_preview_estimates_cost_and_the_taker_fee_of_the_users_tier()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();

        var preview = await Placement.PreviewAsync(userId, LimitBuy(connectionId, 50_000m), Ct);

        var estimate = preview.Estimate!;
        Assert.Equal(50m, estimate.Notional);
        Assert.Equal(0.16m, estimate.FeeRate);
        Assert.Equal(0.0000016m, estimate.Fee);
        Assert.Equal("btc", estimate.FeeCoin);
        Assert.Equal(0.08m, estimate.FeeInQuote);
    }

    [Fact]
    public async Task Cancelling_a_placed_order_through_the_portal_is_audited()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var placed = await Placement.PlaceAsync(userId, LimitBuy(connectionId, Math.Floor(portal.Sandbox.PriceOf("btc-usdt") / 2m)), Ct);

        var cancelled = await scope.ServiceProvider.GetRequiredService<OrderCancellation>().CancelAsync(userId, connectionId, placed.Order!.Id, Ct);

        Assert.Equal(OrderCancelOutcome.Cancelled, cancelled.Outcome);
        Assert.DoesNotContain(portal.Sandbox.LiveOrdersOf(portal.DemoEmail), o => o.Id == placed.Order.Id && o.Status == "new");
        var entry = Assert.Single(await portal.AuditOfAsync(userId), e => e.Action == AuditAction.OrderCancelled);
        Assert.Contains(placed.Order.Id, entry.Detail, StringComparison.Ordinal);
    }

    private static OrderTicket LimitBuy(Guid connectionId, decimal price) => new()
    {
        ConnectionId = connectionId,
        Symbol = "btc-usdt",
        Side = OrderSide.Buy,
        Type = OrderType.Limit,
        Size = 0.001m,
        Price = price,
    };

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
