using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Trading;

/// <summary>
/// An order as the user fills it in on the Trade page. Mutable because the form binds to it; services copy what
/// they need and validate it again on the server (<see cref="OrderTicketValidation"/>), whatever the page checked.
/// </summary>
public sealed class OrderTicket
{
    /// <summary>Longest note the portal sends in the order's meta.</summary>
    public const int NoteLength = 100;

    public Guid ConnectionId { get; set; }

    /// <summary>Pair name as <c>/constants</c> lists it, e.g. <c>btc-usdt</c>.</summary>
    public string Symbol { get; set; } = string.Empty;

    public OrderSide Side { get; set; } = OrderSide.Buy;

    public OrderType Type { get; set; } = OrderType.Limit;

    /// <summary>Amount of the base coin.</summary>
    public decimal? Size { get; set; }

    /// <summary>Limit price in the quote coin; ignored for market orders.</summary>
    public decimal? Price { get; set; }

    /// <summary>Optional trigger price: the order enters the book once the market reaches it.</summary>
    public decimal? Stop { get; set; }

    /// <summary>Limit orders only: refuse to take liquidity, so only the maker fee applies.</summary>
    public bool PostOnly { get; set; }

    /// <summary>Free text the exchange keeps with the order (its <c>meta.note</c>).</summary>
    public string? Note { get; set; }

    /// <summary>A copy, so a confirmation shows exactly what will be sent even if the form changes meanwhile.</summary>
    public OrderTicket Copy() => (OrderTicket)MemberwiseClone();

    /// <summary>The request body the exchange receives for this (validated) ticket.</summary>
    public CreateOrderRequest ToRequest() => new()
    {
        Symbol = Symbol,
        Side = Side,
        Size = Size ?? throw new InvalidOperationException("An order needs a size."),
        Type = Type,
        Price = Type == OrderType.Limit ? Price : null,
        Stop = Stop,
        Meta = PostOnly || !string.IsNullOrWhiteSpace(Note)
            ? new OrderMeta { PostOnly = Type == OrderType.Limit && PostOnly ? true : null, Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim() }
            : null,
    };
}
