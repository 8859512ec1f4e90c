namespace AllexPortal.Web.Wallet;

/// <summary>The withdrawal form is incomplete or unconfirmed; nothing was sent. <see cref="Errors"/> has one message per field.</summary>
public sealed class WithdrawalInvalidException : Exception
{
    public WithdrawalInvalidException()
        : this(new Dictionary<WithdrawalField, string>())
    {
    }

    public WithdrawalInvalidException(string message)
        : base(message)
    {
        Errors = new Dictionary<WithdrawalField, string>();
    }

    public WithdrawalInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<WithdrawalField, string>();
    }

    public WithdrawalInvalidException(IReadOnlyDictionary<WithdrawalField, string> errors)
        : base("The withdrawal is not ready: " + string.Join(" ", errors.Values))
    {
        Errors = errors;
    }

    /// <summary>What is wrong, per field.</summary>
    public IReadOnlyDictionary<WithdrawalField, string> Errors { get; }
}
