namespace AllexPortal.Web.Ledger;

/// <summary>Which way a <see cref="LedgerTransfer"/> moved funds.</summary>
public enum TransferDirection
{
    Deposit,
    Withdrawal,
}
