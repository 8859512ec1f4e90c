using AllexPortal.Web.Connections;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// A connection's portfolio value at one moment, recorded on a schedule, on each dashboard view, and
/// backfilled from the exchange's balance history where it is offered. <see cref="Holdings"/> keeps the
/// per-coin totals (JSON object coin → amount) so a snapshot can be revalued in another currency later.
/// </summary>
public sealed class ValuationSnapshot
{
    public long Id { get; set; }

    public Guid ConnectionId { get; set; }

    public ExchangeConnection? Connection { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    /// <summary>The currency <see cref="TotalValue"/> is expressed in, e.g. <c>usdt</c>.</summary>
    public required string QuoteCurrency { get; set; }

    public decimal TotalValue { get; set; }

    /// <summary>JSON object of coin → total amount held at <see cref="TakenAt"/>.</summary>
    public required string Holdings { get; set; }

    /// <summary>Where the snapshot came from.</summary>
    public ValuationSnapshotSource Source { get; set; }
}
