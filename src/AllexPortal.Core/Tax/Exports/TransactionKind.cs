namespace AllexPortal.Core.Tax.Exports;

/// <summary>What kind of ledger row a <see cref="ReportTransaction"/> is.</summary>
public enum TransactionKind
{
    /// <summary>A fill: one coin given, another received.</summary>
    Trade,

    /// <summary>Coins arriving in a connection.</summary>
    Deposit,

    /// <summary>Coins leaving a connection.</summary>
    Withdrawal,
}
