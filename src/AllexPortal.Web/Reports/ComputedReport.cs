using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;

namespace AllexPortal.Web.Reports;

/// <summary>
/// A finished report held in memory for the page and its downloads. It belongs to the user who asked for it;
/// downloads by any other user are refused.
/// </summary>
public sealed class ComputedReport
{
    /// <summary>The id the download links carry.</summary>
    public required Guid Id { get; init; }

    /// <summary>The portal user who computed it.</summary>
    public required string OwnerId { get; init; }

    public required ReportRequest Request { get; init; }

    /// <summary>The connections' labels, in the order of <see cref="ReportRequest.ConnectionIds"/>.</summary>
    public required IReadOnlyList<string> ConnectionLabels { get; init; }

    public required TaxReport Report { get; init; }

    /// <summary>The transactions inside the period, in replay order (the engine also replayed earlier ones).</summary>
    public required IReadOnlyList<ReportTransaction> Transactions { get; init; }

    public required ReportFigures Figures { get; init; }

    /// <summary>The ledger state it was computed from; a later sync that changes it makes the report stale.</summary>
    public required LedgerStamp Stamp { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
