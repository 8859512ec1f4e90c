using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.Data;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Trading;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.Trade;

/// <summary>
/// The Trade page: pick a connection, fill in an order ticket, confirm it with its estimated cost and fee, see the
/// exchange's answer; quick trade in a second tab; the connection's open orders with Cancel beside it. Every action
/// goes through a service that checks the user's permission again; exchange faults become notices on the page,
/// never a broken circuit. Loads only once interactive.
/// </summary>
public sealed partial class TradePage : IDisposable
{
    private IReadOnlyList<TradingConnection>? connections;
    private IReadOnlyList<PairRules> pairs = [];
    private IReadOnlyList<Order>? openOrders;
    private IReadOnlyList<OpenOrderActivity>? orderActivity;
    private IReadOnlyDictionary<OrderField, string>? serverErrors;
    private OrderPreview? preview;
    private Guid connectionId;
    private string userId = string.Empty;
    private string? problem;
    private string? ordersProblem;
    private string? orderMessage;
    private Severity orderSeverity = Severity.Info;
    private string? cancelMessage;
    private Severity cancelSeverity = Severity.Info;
    private bool busy;

    [Inject] private OrderPlacement Placement { get; set; } = default!;
    [Inject] private OrderCancellation Cancellation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private CurrentWorkspace Workspace { get; set; } = default!;
    [Inject] private UserManager<PortalUser> Users { get; set; } = default!;
    [Inject] private ILogger<TradePage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private TradingConnection? Selected => connections?.FirstOrDefault(c => c.Id == connectionId);

    private bool CanTrade => Selected is { MayTrade: true };

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        userId = Users.GetUserId((await AuthenticationState).User) ?? string.Empty;
        Workspace.Changed += OnWorkspaceChanged;
        await LoadConnectionsAsync();
    }

    private async Task LoadConnectionsAsync()
    {
        connections = null;
        openOrders = null;
        orderActivity = null;
        problem = null;
        try
        {
            await Workspace.LoadAsync();
            connections = await Placement.ConnectionsAsync(userId, Workspace.Id);
        }
#pragma warning disable CA1031 // The page shows a notice; the circuit lives on.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Loading the trade page failed");
            problem = "Your connections could not be loaded. Reload the page to try again.";
            return;
        }

        if ((connections.FirstOrDefault(c => c.MayTrade) ?? connections.FirstOrDefault()) is { } first)
        {
            await PickConnectionAsync(first.Id);
        }
    }

    private async Task PickConnectionAsync(Guid id)
    {
        connectionId = id;
        preview = null;
        orderMessage = null;
        cancelMessage = null;
        serverErrors = null;
        try
        {
            pairs = await Placement.PairsAsync(userId, id);
        }
        catch (Exception failure) when (failure is ExchangeApiException or AccessDeniedException)
        {
            pairs = [];
            ShowOrder(Severity.Warning, $"The exchange's pairs could not be read: {failure.Message}");
        }

        await LoadOrdersAsync();
    }

    private async Task LoadOrdersAsync()
    {
        ordersProblem = null;
        openOrders = null;
        orderActivity = null;
        try
        {
            // The role decides which the server builds: a role without amounts is given orders without sizes and
            // prices, so the numbers never reach this circuit (the service checks the role again either way).
            if (Selected is { RoleShowsAmounts: true })
            {
                openOrders = await Placement.OpenOrdersAsync(userId, connectionId);
            }
            else
            {
                orderActivity = await Placement.OpenOrderActivityAsync(userId, connectionId);
            }
        }
        catch (Exception failure) when (failure is ExchangeApiException or AccessDeniedException)
        {
            ordersProblem = $"Open orders could not be read: {failure.Message}";
        }
    }

    private async Task ReviewAsync(OrderTicket ticket)
    {
        orderMessage = null;
        serverErrors = null;
        await RunAsync(async () => preview = await Placement.PreviewAsync(userId, ticket));
    }

    private async Task PlaceAsync()
    {
        if (preview is null)
        {
            return;
        }

        var ticket = preview.Ticket;
        await RunAsync(async () =>
        {
            var result = await Placement.PlaceAsync(userId, ticket);
            ShowOrder(result.Outcome switch
            {
                OrderPlacementOutcome.Filled or OrderPlacementOutcome.PartiallyFilled or OrderPlacementOutcome.Open => Severity.Success,
                OrderPlacementOutcome.Rejected => Severity.Error,
                _ => Severity.Warning,
            }, result.Message);
            preview = null;
            await LoadOrdersAsync();
        });
    }

    private async Task CancelAsync(Order order)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Cancel this order?",
            $"{(order.Side == OrderSide.Buy ? "Buy" : "Sell")} {OrderTicketValidation.Show(order.Size)} {order.Symbol.ToUpperInvariant()} (order {order.Id}). The request is sent once.",
            yesText: "Cancel order", cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await Cancellation.CancelAsync(userId, connectionId, order.Id);
            cancelSeverity = result.Outcome switch
            {
                OrderCancelOutcome.Cancelled => Severity.Success,
                OrderCancelOutcome.AlreadyClosed => Severity.Info,
                _ => Severity.Warning,
            };
            cancelMessage = result.Message;
            await LoadOrdersAsync();
        }
        catch (Exception failure) when (failure is OrderCancellationRefusedException or AccessDeniedException)
        {
            cancelSeverity = Severity.Warning;
            cancelMessage = failure.Message;
        }
#pragma warning disable CA1031 // A failed cancel is a notice, never a dead circuit.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Cancelling an order failed");
            cancelSeverity = Severity.Error;
            cancelMessage = "The cancel could not be sent. Check the order on the exchange before trying again.";
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        try
        {
            await action();
        }
        catch (OrderTicketInvalidException invalid)
        {
            preview = null;
            serverErrors = invalid.Errors;
            ShowOrder(Severity.Warning, "Check the highlighted fields.");
        }
        catch (Exception failure) when (failure is TradeRefusedException or AccessDeniedException)
        {
            preview = null;
            ShowOrder(Severity.Warning, failure.Message);
        }
#pragma warning disable CA1031 // A failed order is a notice on the page, never a dead circuit.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "An order action failed");
            ShowOrder(Severity.Error, "The order could not be sent. Check the open orders before trying again.");
        }
        finally
        {
            busy = false;
        }
    }

    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        await LoadConnectionsAsync();
        StateHasChanged();
    });

    public void Dispose() => Workspace.Changed -= OnWorkspaceChanged;

    private void ShowOrder(Severity severity, string message)
    {
        orderSeverity = severity;
        orderMessage = message;
    }
}
