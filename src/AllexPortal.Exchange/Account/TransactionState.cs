namespace AllexPortal.Exchange.Account;

/// <summary>State of a deposit or withdrawal derived from the exchange's flags.</summary>
public enum TransactionState
{
    Pending,
    Completed,
    Canceled,
    Failed,
}
