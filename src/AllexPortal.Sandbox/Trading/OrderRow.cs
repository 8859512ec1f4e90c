using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Markets;

namespace AllexPortal.Sandbox.Trading;

/// <summary>One row of a user's order list without allocating: either a historical fill (its own filled
/// limit order) or a live order. Only the rows of the answered page become <see cref="SandboxOrder"/>s.</summary>
internal readonly record struct OrderRow(SandboxUser User, SandboxTrade? Fill, Order? Live)
{
    private static readonly IReadOnlyDictionary<string, object> NoMeta = new Dictionary<string, object>().AsReadOnly();

    public string Symbol => Fill?.Symbol ?? Live!.Pair.Name;

    public string Side => Fill?.Side ?? (Live!.IsBuy ? "buy" : "sell");

    public string Status => Fill is null ? Live!.Status : "filled";

    public decimal Price => Fill?.Price ?? Live!.Price;

    public decimal Size => Fill?.Size ?? Live!.Size;

    public DateTimeOffset CreatedAt => Fill?.Timestamp ?? Live!.CreatedAt;

    public DateTimeOffset UpdatedAt => Fill?.Timestamp ?? Live!.UpdatedAt;

    public string Id => Fill?.OrderId ?? Live!.Id.ToString();

    public SandboxOrder ToWire() => Fill is { } trade
        ? new SandboxOrder(trade.OrderId, trade.Side, trade.Symbol, "limit", trade.Size, trade.Price, null, trade.Size, trade.Price,
            "filled", trade.Fee, trade.FeeCoin, FeeTiers.For(User.VerificationLevel), NoMeta, User.Id, trade.Timestamp, trade.Timestamp)
        : Live!.ToWire();
}
