using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Market;

/// <summary>A trading pair from <c>/constants</c>; orders must respect its sizes and increments.</summary>
public sealed record PairInfo
{
    public long? Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string PairBase { get; init; } = string.Empty;

    /// <summary>The quote coin (the Kit calls it <c>pair_2</c>).</summary>
    [JsonPropertyName("pair_2")]
    public string Pair2 { get; init; } = string.Empty;

    public decimal? MinSize { get; init; }
    public decimal? MaxSize { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    public decimal? IncrementSize { get; init; }
    public decimal? IncrementPrice { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
