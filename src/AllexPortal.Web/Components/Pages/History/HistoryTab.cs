using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Components.Pages.History;

/// <summary>The four grids of the history section, each at its own route (<c>/history/trades</c>, ...).</summary>
public enum HistoryTab
{
    Trades,
    Orders,
    Deposits,
    Withdrawals,
}

/// <summary>Routes and ledger kinds of the <see cref="HistoryTab"/>s.</summary>
public static class HistoryTabs
{
    /// <summary>The tabs in the order the page shows them.</summary>
    public static IReadOnlyList<HistoryTab> All { get; } = Enum.GetValues<HistoryTab>();

    /// <summary>The route segment, e.g. <c>trades</c>.</summary>
    public static string Slug(this HistoryTab tab) => tab.ToString().ToLowerInvariant();

    /// <summary>The tab's page, e.g. <c>/history/trades</c>.</summary>
    public static string Path(this HistoryTab tab) => "/history/" + tab.Slug();

    /// <summary>The tab named by a route segment; <see cref="HistoryTab.Trades"/> for none, null for an unknown one.</summary>
    public static HistoryTab? FromSlug(string? slug) =>
        string.IsNullOrEmpty(slug) ? HistoryTab.Trades
        : All.Cast<HistoryTab?>().FirstOrDefault(t => string.Equals(t!.Value.Slug(), slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ledger history behind the tab.</summary>
    public static LedgerKind Kind(this HistoryTab tab) => tab switch
    {
        HistoryTab.Trades => LedgerKind.Trades,
        HistoryTab.Orders => LedgerKind.Orders,
        HistoryTab.Deposits => LedgerKind.Deposits,
        _ => LedgerKind.Withdrawals,
    };
}
