using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// The ledger's rows with amounts are built only for a role that shows them: <see cref="HistoryService"/> refuses a
/// Viewer without amounts on the server (whatever a page asks), who reads the same history through
/// <see cref="HistoryWithoutAmounts"/>; a Viewer is served.
/// </summary>
public sealed class HistoryServiceByRoleTests(AmountsPortal portal) : IClassFixture<AmountsPortal>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Team team = null!;

    public async ValueTask InitializeAsync() => team = await portal.TeamAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Rows_with_amounts_are_refused_to_a_viewer_without_amounts()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
        var blind = team.Member(WorkspaceRole.ViewerWithoutAmounts).Id;
        var query = new HistoryQuery { Workspace = team.Id };

        await Assert.ThrowsAsync<AccessDeniedException>(() => history.TradesAsync(blind, query, Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => history.OrdersAsync(blind, query, Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => history.TransfersAsync(blind, TransferDirection.Deposit, query, Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => history.TransfersAsync(blind, TransferDirection.Withdrawal, query, Token));
    }

    [Fact]
    public async Task The_same_history_is_served_without_amounts_to_that_role_and_with_them_to_a_viewer()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var query = new HistoryQuery { Workspace = team.Id };

        var withoutAmounts = await scope.ServiceProvider.GetRequiredService<HistoryWithoutAmounts>()
            .TradesAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts).Id, query, Token);
        var withAmounts = await scope.ServiceProvider.GetRequiredService<HistoryService>()
            .TradesAsync(team.Member(WorkspaceRole.Viewer).Id, query, Token);

        Assert.Equal(withAmounts.TotalCount, withoutAmounts.TotalCount);
    }
}
