using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.History;

/// <summary>
/// A history portal holding one user's ledger over two connections and another user's over one, seeded once per
/// test class. The rows are read back from the database, ids included, for the tests' LINQ oracle.
/// </summary>
public sealed class SeededHistoryPortal : HistoryPortal, IAsyncLifetime
{
    public string UserId { get; private set; } = "";

    public Guid First { get; private set; }

    public Guid Second { get; private set; }

    public string OtherUserId { get; private set; } = "";

    public Guid OthersConnection { get; private set; }

    public List<LedgerTrade> AllTrades { get; private set; } = [];

    public List<LedgerOrder> AllOrders { get; private set; } = [];

    public List<LedgerTransfer> AllTransfers { get; private set; } = [];

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var cancellationToken = CancellationToken.None;
        UserId = await NewUserAsync();
        OtherUserId = await NewUserAsync();
        First = await AddLedgerConnectionAsync(UserId, "Main", cancellationToken);
        Second = await AddLedgerConnectionAsync(UserId, "=Second", cancellationToken);
        OthersConnection = await AddLedgerConnectionAsync(OtherUserId, "Someone else's", cancellationToken);

        await InsertAsync(LedgerRows.Trades(First, 1500, seed: 1).Concat(LedgerRows.Trades(Second, 700, seed: 2)).Concat(LedgerRows.Trades(OthersConnection, 400, seed: 3)), cancellationToken);
        await InsertAsync(LedgerRows.Orders(First, 600, seed: 4).Concat(LedgerRows.Orders(Second, 300, seed: 5)).Concat(LedgerRows.Orders(OthersConnection, 200, seed: 6)), cancellationToken);
        await InsertAsync(LedgerRows.Transfers(First, 500, seed: 7).Concat(LedgerRows.Transfers(Second, 200, seed: 8)).Concat(LedgerRows.Transfers(OthersConnection, 100, seed: 9)), cancellationToken);
        AllTrades = await AllAsync<LedgerTrade>(cancellationToken);
        AllOrders = await AllAsync<LedgerOrder>(cancellationToken);
        AllTransfers = await AllAsync<LedgerTransfer>(cancellationToken);
    }

    /// <summary>The connections a query reads for the seeded user.</summary>
    public IReadOnlyCollection<Guid> ScopeOf(AllexPortal.Web.History.HistoryQuery query) =>
        query.Connections.Count == 0 ? [First, Second] : query.Connections;
}
