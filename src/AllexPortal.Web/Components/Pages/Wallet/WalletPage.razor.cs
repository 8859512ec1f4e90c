using AllexPortal.Web.Access;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Trading;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AllexPortal.Web.Components.Pages.Wallet;

/// <summary>
/// The Deposit &amp; withdraw page: existing deposit addresses through any connection of the current workspace, new
/// ones and withdrawals through the user's own exchange sign-in (a withdrawal is always the personal account's).
/// Loads only once interactive; failures become notices.
/// </summary>
public sealed partial class WalletPage : IDisposable
{
    private IReadOnlyList<CoinRules>? coins;
    private IReadOnlyList<TradingConnection> connections = [];
    private Uri exchange = default!;
    private string userId = string.Empty;
    private string? problem;
    private bool mayWithdraw;

    [Inject] private MarketRules Rules { get; set; } = default!;
    [Inject] private ConnectionOpener Opener { get; set; } = default!;
    [Inject] private PortalAccess Access { get; set; } = default!;
    [Inject] private PortalExchangeEndpoint Endpoint { get; set; } = default!;
    [Inject] private CurrentWorkspace Workspace { get; set; } = default!;
    [Inject] private UserManager<PortalUser> Users { get; set; } = default!;
    [Inject] private ILogger<WalletPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        userId = Users.GetUserId((await AuthenticationState).User) ?? string.Empty;
        Workspace.Changed += OnWorkspaceChanged;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        problem = null;
        try
        {
            exchange = Endpoint.BaseUrl;
            await Workspace.LoadAsync();
            connections = await Opener.ListAsync(userId, Workspace.Id);
            mayWithdraw = (await Access.FindWorkspaceAsync(userId, null))?.Allows(PortalPermission.Withdraw) ?? false;
            coins = await Rules.CoinsAsync(exchange);
        }
#pragma warning disable CA1031 // The page shows a notice; the circuit lives on.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Loading the deposit and withdraw page failed");
            problem = "The exchange's coins could not be loaded. Reload the page to try again.";
        }
    }

    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    public void Dispose() => Workspace.Changed -= OnWorkspaceChanged;
}
