using AllexPortal.Sandbox.Markets;

namespace AllexPortal.Sandbox.Trading;

/// <summary>A live order: resting in the book, waiting for its stop, or finished.</summary>
internal sealed class Order
{
    public required Guid Id { get; init; }

    public required int UserId { get; init; }

    public required Pair Pair { get; init; }

    public required bool IsBuy { get; init; }

    public required string Type { get; init; }

    public required decimal Size { get; init; }

    /// <summary>Limit price; for market orders the price of the last fill.</summary>
    public decimal Price { get; set; }

    public decimal? Stop { get; init; }

    public bool StopPending { get; set; }

    public bool PostOnly { get; init; }

    public string? Note { get; init; }

    public decimal Filled { get; set; }

    public decimal FilledCost { get; set; }

    public decimal Fee { get; set; }

    /// <summary>Funds still reserved for the order (quote for buys, base for sells).</summary>
    public decimal Held { get; set; }

    public string Status { get; set; } = "new";

    public required SandboxFeeStructure Fees { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Remaining => Size - Filled;

    public bool IsOpen => Status is "new" or "pfilled";

    public string FeeCoin => IsBuy ? Pair.Base : Pair.Quote;

    public SandboxOrder ToWire()
    {
        var meta = new Dictionary<string, object>(StringComparer.Ordinal);
        if (PostOnly)
        {
            meta["post_only"] = true;
        }
        if (Note is not null)
        {
            meta["note"] = Note;
        }
        var average = Filled == 0 ? 0 : Pair.RoundPrice(FilledCost / Filled);
        return new SandboxOrder(Id.ToString(), IsBuy ? "buy" : "sell", Pair.Name, Type, Size, Price, Stop, Filled, average,
            Status, Fee, FeeCoin, Fees, meta, UserId, CreatedAt, UpdatedAt);
    }
}
