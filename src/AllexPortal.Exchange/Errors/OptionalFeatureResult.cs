namespace AllexPortal.Exchange.Errors;

/// <summary>
/// Result of an optional endpoint (balance history, profit and loss): either the value, or the fact that this
/// exchange does not offer the feature, which is a normal state and not an error to show.
/// </summary>
public sealed record OptionalFeatureResult<T>
{
    private OptionalFeatureResult(T? value, string? notOfferedReason)
    {
        Value = value;
        NotOfferedReason = notOfferedReason;
    }

    /// <summary>True when the exchange answered with data.</summary>
    public bool IsOffered => NotOfferedReason is null;

    /// <summary>The data; only meaningful when <see cref="IsOffered"/>.</summary>
    public T? Value { get; }

    /// <summary>The exchange's explanation when the feature is switched off.</summary>
    public string? NotOfferedReason { get; }

    public static OptionalFeatureResult<T> Offered(T value) => new(value, null);

    public static OptionalFeatureResult<T> NotOffered(string reason) => new(default, reason);
}
