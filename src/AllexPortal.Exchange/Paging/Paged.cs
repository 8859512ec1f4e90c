namespace AllexPortal.Exchange.Paging;

/// <summary>One page of a <c>{count, data}</c> list; <see cref="Count"/> is the total across all pages.</summary>
public sealed record Paged<T>
{
    /// <summary>Total number of rows matching the query on the exchange, not the rows in this page.</summary>
    public int Count { get; init; }

    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<T> Data { get; init; } = [];
}
