namespace AllexPortal.Core.Tax;

/// <summary>Why an asset was disposed of.</summary>
public enum DisposalKind
{
    /// <summary>The sold leg of a trade (including a fee charged in the sold coin).</summary>
    Trade,

    /// <summary>A trade fee paid in a coin that is neither leg of the trade.</summary>
    TradeFee,

    /// <summary>The fee of a withdrawal; the withdrawn amount itself is a transfer.</summary>
    WithdrawalFee,
}
