namespace AllexPortal.Web.Ledger.Sync;

/// <summary>Splits a HollaEx pair name (<c>btc-usdt</c>) into its base and quote coins.</summary>
internal static class LedgerSymbols
{
    public static (string Base, string Quote) Split(string symbol)
    {
        var dash = symbol.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (symbol, string.Empty) : (symbol[..dash], symbol[(dash + 1)..]);
    }
}
