using AllexPortal.Web.Portfolio;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>One user looking at the dashboard: their ids and the <see cref="PortfolioService"/> of their circuit
/// (a DI scope, as a Blazor circuit has), so consecutive loads share its last-good memory.</summary>
public sealed class DashboardViewer(AsyncServiceScope scope, string userId, Guid connectionId) : IAsyncDisposable
{
    public string UserId { get; } = userId;

    public Guid ConnectionId { get; } = connectionId;

    /// <summary>The circuit's services.</summary>
    public IServiceProvider Services { get; } = scope.ServiceProvider;

    public PortfolioService Portfolio { get; } = scope.ServiceProvider.GetRequiredService<PortfolioService>();

    /// <summary>One dashboard load in <paramref name="quote"/> with no dust hidden.</summary>
    public Task<PortfolioOverview> LoadAsync(string quote = "usdt") =>
        Portfolio.LoadAsync(UserId, quote, 0m, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
