namespace AllexPortal.Web.Ledger;

/// <summary>The four histories the local ledger copies from the exchange, each synced with its own cursor.</summary>
public enum LedgerKind
{
    Trades,
    Orders,
    Deposits,
    Withdrawals,
}
