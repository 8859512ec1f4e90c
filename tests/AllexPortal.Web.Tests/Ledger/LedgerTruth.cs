using AllexPortal.Exchange.Account;
using AllexPortal.Sandbox;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Ledger rows and the sandbox's own records in one comparable shape, so a test compares row for row
/// (times at the wire's millisecond precision).</summary>
internal static class LedgerTruth
{
    public static List<string> Trades(IEnumerable<SandboxTrade> truth) =>
        [.. truth.Select(t => Line(t.Symbol, t.Side, t.Size, t.Price, t.Timestamp, t.OrderId, t.Fee, t.FeeCoin))];

    public static List<string> Trades(IEnumerable<LedgerTrade> ledger) =>
        [.. ledger.Select(t => Line(t.Symbol, t.Side.ToString().ToLowerInvariant(), t.Size, t.Price, t.Timestamp, t.OrderId, t.Fee, t.FeeCoin))];

    public static List<string> Transfers(IEnumerable<SandboxTransfer> truth) =>
        [.. truth.OrderBy(t => t.Id).Select(t => Line(t.Id, t.Currency, t.Amount, t.Fee, t.FeeCoin, t.TransactionId, StateOf(t), t.CreatedAt, t.UpdatedAt))];

    public static List<string> Transfers(IEnumerable<LedgerTransfer> ledger) =>
        [.. ledger.OrderBy(t => t.ExchangeId).Select(t => Line(t.ExchangeId, t.Currency, t.Amount, t.Fee, t.FeeCoin, t.TransactionId, t.State, t.CreatedAt, t.UpdatedAt))];

    private static TransactionState StateOf(SandboxTransfer t) =>
        t.Status ? TransactionState.Completed : t.Dismissed ? TransactionState.Canceled : t.Rejected ? TransactionState.Failed : TransactionState.Pending;

    private static string Line(params object?[] fields) =>
        string.Join('|', fields.Select(f => f switch
        {
            decimal d => d.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset t => t.AddTicks(-(t.UtcTicks % TimeSpan.TicksPerMillisecond)).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture),
        }));
}
