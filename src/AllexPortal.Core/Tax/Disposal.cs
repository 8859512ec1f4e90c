using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// One disposal matched against one lot: a line of a capital-gains schedule.
/// </summary>
/// <remarks>
/// <para>
/// A disposal that spans several lots yields several consecutive rows with the same <see cref="LedgerId"/>; the
/// proceeds are shared pro rata by quantity, the last row taking the remainder, so the rows of one disposal add
/// up exactly to its proceeds. A row with no <see cref="AcquisitionLedgerId"/> is an oversold shortfall: coins
/// sold that the ledger never saw arrive. It carries a zero cost basis and a matching
/// <see cref="TaxWarningKind.Oversold"/> warning.
/// </para>
/// <para>
/// A report over a million trades holds about a million rows, so the row is kept compact (times as UTC ticks,
/// small enums) and exposes the friendly types through properties.
/// </para>
/// </remarks>
public readonly record struct Disposal
{
    internal const long Unmatched = long.MinValue;

    private readonly long _disposedAtTicks;
    private readonly long _acquisitionLedgerId;
    private readonly long _acquiredAtTicks;
    private readonly byte _kind;
    private readonly byte _holdingPeriod;

    /// <summary>Creates a row.</summary>
    /// <param name="ledgerId">The ledger row of the disposal.</param>
    /// <param name="kind">Why the asset was disposed of.</param>
    /// <param name="asset">The asset disposed of.</param>
    /// <param name="disposedAt">When it was disposed of.</param>
    /// <param name="acquisitionLedgerId">The ledger row that acquired the lot; <c>null</c> for a shortfall.</param>
    /// <param name="acquiredAt">When the lot was acquired; <c>null</c> for a shortfall.</param>
    /// <param name="quantity">How much of the lot was disposed of.</param>
    /// <param name="proceeds">This row's share of the proceeds, in the report currency.</param>
    /// <param name="costBasis">The cost of the quantity taken from the lot, in the report currency.</param>
    /// <param name="holdingPeriod">Short or long term, from the acquisition and disposal dates.</param>
    public Disposal(
        long ledgerId,
        DisposalKind kind,
        Asset asset,
        DateTimeOffset disposedAt,
        long? acquisitionLedgerId,
        DateTimeOffset? acquiredAt,
        decimal quantity,
        decimal proceeds,
        decimal costBasis,
        HoldingPeriod holdingPeriod)
        : this(ledgerId, kind, asset, disposedAt.UtcTicks, acquisitionLedgerId ?? Unmatched, acquiredAt?.UtcTicks ?? 0,
            quantity, proceeds, costBasis, holdingPeriod)
    {
    }

    /// <summary>The engine's constructor: times as UTC ticks, <see cref="Unmatched"/> for a shortfall.</summary>
    internal Disposal(
        long ledgerId,
        DisposalKind kind,
        Asset asset,
        long disposedAtTicks,
        long acquisitionLedgerId,
        long acquiredAtTicks,
        decimal quantity,
        decimal proceeds,
        decimal costBasis,
        HoldingPeriod holdingPeriod)
    {
        LedgerId = ledgerId;
        _kind = (byte)kind;
        Asset = asset;
        _disposedAtTicks = disposedAtTicks;
        _acquisitionLedgerId = acquisitionLedgerId;
        _acquiredAtTicks = acquiredAtTicks;
        Quantity = quantity;
        Proceeds = proceeds;
        CostBasis = costBasis;
        _holdingPeriod = (byte)holdingPeriod;
    }

    /// <summary>The ledger row of the disposal.</summary>
    public long LedgerId { get; }

    /// <summary>Why the asset was disposed of.</summary>
    public DisposalKind Kind => (DisposalKind)_kind;

    /// <summary>The asset disposed of.</summary>
    public Asset Asset { get; }

    /// <summary>When it was disposed of (UTC).</summary>
    public DateTimeOffset DisposedAt => new(_disposedAtTicks, TimeSpan.Zero);

    /// <summary>The ledger row that acquired the lot; <c>null</c> for a shortfall.</summary>
    public long? AcquisitionLedgerId => IsShortfall ? null : _acquisitionLedgerId;

    /// <summary>When the lot was acquired (UTC); <c>null</c> for a shortfall.</summary>
    public DateTimeOffset? AcquiredAt => IsShortfall ? null : new DateTimeOffset(_acquiredAtTicks, TimeSpan.Zero);

    /// <summary>How much of the lot was disposed of.</summary>
    public decimal Quantity { get; }

    /// <summary>This row's share of the proceeds, in the report currency.</summary>
    public decimal Proceeds { get; }

    /// <summary>The cost of the quantity taken from the lot, in the report currency.</summary>
    public decimal CostBasis { get; }

    /// <summary>Short or long term, from the acquisition and disposal dates.</summary>
    public HoldingPeriod HoldingPeriod => (HoldingPeriod)_holdingPeriod;

    /// <summary>Proceeds less cost basis; negative for a loss.</summary>
    public decimal Gain => Proceeds - CostBasis;

    /// <summary>Whether this row is the unmatched part of an oversold disposal.</summary>
    public bool IsShortfall => _acquisitionLedgerId == Unmatched;
}
