namespace AllexPortal.Web.Portfolio;

/// <summary>
/// What <see cref="VisiblePortfolio"/> lets the dashboard show: either the full <see cref="Amounts"/> or only the
/// <see cref="Shares"/>, never both. The service decides from the member's role on the server, so the page only
/// renders what it was given and a member without amounts never has an amount in their circuit.
/// </summary>
public sealed record DashboardView
{
    private DashboardView(PortfolioOverview? amounts, PortfolioShares? shares)
    {
        Amounts = amounts;
        Shares = shares;
    }

    /// <summary>Balances, values and totals; null for a member without amounts.</summary>
    public PortfolioOverview? Amounts { get; }

    /// <summary>Percentages only; null when <see cref="Amounts"/> is given.</summary>
    public PortfolioShares? Shares { get; }

    /// <summary>When the view was loaded.</summary>
    public DateTimeOffset LoadedAt => Amounts?.LoadedAt ?? Shares!.LoadedAt;

    /// <summary>How many connections the view covers.</summary>
    public int ConnectionCount => Amounts?.Connections.Count ?? Shares!.Connections.Count;

    /// <summary>The full dashboard.</summary>
    public static DashboardView WithAmounts(PortfolioOverview overview) => new(overview ?? throw new ArgumentNullException(nameof(overview)), null);

    /// <summary>The dashboard without amounts.</summary>
    public static DashboardView WithoutAmounts(PortfolioShares shares) => new(null, shares ?? throw new ArgumentNullException(nameof(shares)));
}
