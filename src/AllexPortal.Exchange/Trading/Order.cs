using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Trading;

/// <summary>An order as the exchange reports it after creation, lookup, listing or cancellation.</summary>
public sealed record Order
{
    public string Id { get; init; } = string.Empty;
    public OrderSide Side { get; init; }
    public string Symbol { get; init; } = string.Empty;

    /// <summary><c>limit</c> or <c>market</c>.</summary>
    public string? Type { get; init; }

    public decimal Size { get; init; }
    public decimal? Price { get; init; }
    public decimal? Stop { get; init; }
    public decimal Filled { get; init; }
    public decimal? Average { get; init; }

    /// <summary><c>new</c>, <c>pfilled</c>, <c>filled</c> or <c>canceled</c>.</summary>
    public string? Status { get; init; }

    public decimal? Fee { get; init; }
    public string? FeeCoin { get; init; }
    public FeeStructure? FeeStructure { get; init; }
    public OrderMeta? Meta { get; init; }
    public long? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>True while the order can still fill (<c>new</c> or partially filled).</summary>
    public bool IsOpen => Status is "new" or "pfilled";
}
