using System.Runtime.InteropServices;
using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Lots;
using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Core.Tax;

/// <summary>
/// The mutable state of one <see cref="CostBasisEngine.Run"/>: the lot stores per asset, the rows and warnings
/// so far. Used once and thrown away.
/// </summary>
internal sealed class CostBasisRun(TaxReportOptions options, PriceTable prices, int eventCount)
{
    private readonly Asset _currency = options.ReportCurrency;
    private readonly long _startTicks = options.Period.Start.UtcTicks;
    private readonly long _endTicks = options.Period.End.UtcTicks;
    private readonly long _longTermTicks = options.LongTermThreshold.Ticks;
    private readonly Dictionary<Asset, AssetAccount> _accounts = [];
    private readonly List<Disposal> _disposals = new(eventCount);
    private readonly List<TaxWarning> _warnings = [];
    private readonly List<HeldLot> _taken = [];
    private TaxYear _year;
    private long _yearStartTicks = long.MaxValue;
    private long _yearEndTicks = long.MinValue;
    private CostBasisMethod _method = options.Method;
    // With no per-year methods the method never changes, and this bound is never reached.
    private long _methodYearEndTicks = options.MethodByTaxYear.Count == 0 ? long.MaxValue : long.MinValue;

    public TaxReport Run(LedgerEvent[] ordered)
    {
        foreach (var ledgerEvent in ordered)
        {
            var ticks = ledgerEvent.Time.UtcTicks;
            if (ticks >= _endTicks)
            {
                break;
            }

            if (ticks >= _methodYearEndTicks)
            {
                EnterMethodYear(ticks);
            }

            switch (ledgerEvent)
            {
                case TradeEvent trade:
                    Apply(trade);
                    break;
                case DepositEvent deposit:
                    Apply(deposit);
                    break;
                case WithdrawalEvent withdrawal:
                    Apply(withdrawal);
                    break;
                default:
                    throw new ArgumentException($"Unknown ledger event {ledgerEvent.GetType().Name}.", nameof(ordered));
            }
        }

        if (_endTicks - 1 >= _methodYearEndTicks)
        {
            EnterMethodYear(_endTicks - 1);
        }

        return new TaxReportSummary(options, _disposals, _warnings).Summarise(_accounts, prices);
    }

    private void Apply(TradeEvent trade)
    {
        Require(trade.Sold.Quantity > 0 && trade.Bought.Quantity > 0 && trade.Sold.Asset != trade.Bought.Asset, trade,
            "a trade needs two different coins with positive quantities");
        var value = ValueOf(trade);
        var disposed = trade.Sold.Quantity;
        var acquired = trade.Bought.Quantity;
        var proceeds = value;
        var cost = value;
        Amount? thirdCoinFee = null;
        var feeValue = 0m;
        if (trade.Fee is { Quantity: not 0 } fee)
        {
            Require(fee.Quantity > 0, trade, "a fee cannot be negative");
            if (fee.Asset == trade.Bought.Asset)
            {
                Require(fee.Quantity <= acquired, trade, "the fee exceeds what was bought");
                acquired -= fee.Quantity;
                if (trade.Bought.Asset == _currency)
                {
                    proceeds -= fee.Quantity;
                }
            }
            else if (fee.Asset == trade.Sold.Asset)
            {
                disposed += fee.Quantity;
                if (trade.Sold.Asset == _currency)
                {
                    cost += fee.Quantity;
                }
            }
            else
            {
                thirdCoinFee = fee;
                feeValue = MarketValue(fee, trade);
                if (trade.Bought.Asset == _currency)
                {
                    proceeds -= feeValue;
                }
                else
                {
                    cost += feeValue;
                }
            }
        }

        if (trade.Sold.Asset != _currency)
        {
            Dispose(trade, DisposalKind.Trade, new Amount(trade.Sold.Asset, disposed), proceeds);
        }

        if (thirdCoinFee is { } paid && paid.Asset != _currency)
        {
            Dispose(trade, DisposalKind.TradeFee, paid, feeValue);
        }

        if (trade.Bought.Asset != _currency && acquired > 0)
        {
            Held(trade.Bought.Asset).Add(new HeldLot(trade.LedgerId, trade.Time.UtcTicks, acquired, cost));
        }
    }

    private void Apply(WithdrawalEvent withdrawal)
    {
        Require(withdrawal.Amount.Quantity >= 0, withdrawal, "a withdrawal cannot be negative");
        if (withdrawal.Fee is { Quantity: not 0 } fee)
        {
            Require(fee.Quantity > 0, withdrawal, "a fee cannot be negative");
            if (fee.Asset != _currency)
            {
                Dispose(withdrawal, DisposalKind.WithdrawalFee, fee, MarketValue(fee, withdrawal));
            }
        }

        var asset = withdrawal.Amount.Asset;
        if (asset == _currency || withdrawal.Amount.Quantity == 0)
        {
            return;
        }

        var account = Account(asset);
        _taken.Clear();
        var shortfall = account.Held.Take(withdrawal.Amount.Quantity, _taken);
        WarnIfOversold(withdrawal, asset, shortfall);
        var transit = account.InTransit;
        foreach (var piece in _taken)
        {
            transit.Add(piece);
        }
    }

    private void Apply(DepositEvent deposit)
    {
        Require(deposit.Amount.Quantity > 0 && deposit.CostBasis is null or >= 0, deposit,
            "a deposit needs a positive quantity and a non-negative cost basis");
        var asset = deposit.Amount.Asset;
        if (asset == _currency)
        {
            return;
        }

        var account = Account(asset);
        var held = account.Held;
        if (deposit.CostBasis is { } known)
        {
            held.Add(new HeldLot(deposit.LedgerId, deposit.Time.UtcTicks, deposit.Amount.Quantity, known));
            return;
        }

        _taken.Clear();
        var unexplained = account.InTransit.Take(deposit.Amount.Quantity, _taken);
        foreach (var piece in _taken)
        {
            held.Add(piece);
        }

        if (unexplained > 0)
        {
            var rest = new Amount(asset, unexplained);
            Warn(deposit, TaxWarningKind.UnknownCostBasis, rest);
            var cost = options.UnknownCostBasis == UnknownCostBasisValuation.MarketPrice ? MarketValue(rest, deposit) : 0m;
            held.Add(new HeldLot(deposit.LedgerId, deposit.Time.UtcTicks, unexplained, cost));
        }
    }

    /// <summary>
    /// Takes <paramref name="amount"/> from the lots, writes one row per lot taken and adds them to the asset's
    /// totals for the tax year.
    /// </summary>
    private void Dispose(LedgerEvent source, DisposalKind kind, Amount amount, decimal proceeds)
    {
        var account = Account(amount.Asset);
        _taken.Clear();
        var shortfall = account.Held.Take(amount.Quantity, _taken);
        WarnIfOversold(source, amount.Asset, shortfall);
        var ticks = source.Time.UtcTicks;
        if (ticks < _startTicks)
        {
            return;
        }

        var pieces = CollectionsMarshal.AsSpan(_taken);
        var rowCount = pieces.Length + (shortfall > 0 ? 1 : 0);
        var first = _disposals.Count;
        CollectionsMarshal.SetCount(_disposals, first + rowCount);
        var rows = CollectionsMarshal.AsSpan(_disposals).Slice(first, rowCount);
        var ledgerId = source.LedgerId;
        var asset = amount.Asset;
        var whole = amount.Quantity;
        var totalProceeds = 0m;
        var totalCost = 0m;
        var shortTermGain = 0m;
        var longTermGain = 0m;
        var proceedsLeft = proceeds;
        var last = shortfall > 0 ? -1 : pieces.Length - 1;
        for (var i = 0; i < pieces.Length; i++)
        {
            ref readonly var piece = ref pieces[i];
            var share = i == last ? proceedsLeft : ValueRounding.Share(proceeds, piece.Quantity, whole);
            proceedsLeft -= share;
            var longTerm = ticks - piece.AcquiredAtTicks > _longTermTicks;
            rows[i] = new Disposal(ledgerId, kind, asset, ticks, piece.LedgerId, piece.AcquiredAtTicks, piece.Quantity,
                share, piece.Cost, longTerm ? HoldingPeriod.LongTerm : HoldingPeriod.ShortTerm);
            totalProceeds += share;
            totalCost += piece.Cost;
            if (longTerm)
            {
                longTermGain += share - piece.Cost;
            }
            else
            {
                shortTermGain += share - piece.Cost;
            }
        }

        if (shortfall > 0)
        {
            rows[^1] = new Disposal(ledgerId, kind, asset, ticks, Disposal.Unmatched, 0, shortfall, proceedsLeft, 0m,
                HoldingPeriod.ShortTerm);
            // The same additions as for a matched row with zero cost, so totals keep the scale they always had.
            totalProceeds += proceedsLeft;
            totalCost += 0m;
            shortTermGain += proceedsLeft - 0m;
        }

        var totals = new GainTotals(totalProceeds, totalCost, shortTermGain, longTermGain);
        account.AddToYear(YearOf(ticks), totals);
    }

    /// <summary>
    /// Moves to the tax year containing <paramref name="ticks"/> and, when its method differs from the one the lots
    /// are held under, carries every asset's lots over (see <see cref="TaxReportOptions.MethodByTaxYear"/>).
    /// </summary>
    private void EnterMethodYear(long ticks)
    {
        var year = TaxYear.Containing(new DateTimeOffset(ticks, TimeSpan.Zero), options.TaxYearStart);
        _methodYearEndTicks = year.End.UtcTicks;
        var method = options.MethodFor(year);
        if (method == _method)
        {
            return;
        }

        _method = method;
        foreach (var account in _accounts.Values)
        {
            account.SwitchTo(method);
        }
    }

    private TaxYear YearOf(long ticks)
    {
        if (ticks < _yearStartTicks || ticks >= _yearEndTicks)
        {
            _year = TaxYear.Containing(new DateTimeOffset(ticks, TimeSpan.Zero), options.TaxYearStart);
            (_yearStartTicks, _yearEndTicks) = (_year.Start.UtcTicks, _year.End.UtcTicks);
        }

        return _year;
    }

    /// <summary>The consideration of a trade in the report currency (see <see cref="CostBasisEngine"/>).</summary>
    private decimal ValueOf(TradeEvent trade)
    {
        if (trade.Sold.Asset == _currency)
        {
            return trade.Sold.Quantity;
        }

        if (trade.Bought.Asset == _currency)
        {
            return trade.Bought.Quantity;
        }

        if (prices.TryGetPrice(trade.Bought.Asset, _currency, trade.Time, out var boughtPrice))
        {
            return ValueRounding.Value(trade.Bought.Quantity * boughtPrice);
        }

        if (prices.TryGetPrice(trade.Sold.Asset, _currency, trade.Time, out var soldPrice))
        {
            return ValueRounding.Value(trade.Sold.Quantity * soldPrice);
        }

        Warn(trade, TaxWarningKind.MissingPrice, trade.Bought);
        return 0m;
    }

    private decimal MarketValue(Amount amount, LedgerEvent source)
    {
        if (amount.Asset == _currency)
        {
            return amount.Quantity;
        }

        if (prices.TryGetPrice(amount.Asset, _currency, source.Time, out var price))
        {
            return ValueRounding.Value(amount.Quantity * price);
        }

        Warn(source, TaxWarningKind.MissingPrice, amount);
        return 0m;
    }

    private void WarnIfOversold(LedgerEvent source, Asset asset, decimal shortfall)
    {
        if (shortfall > 0)
        {
            Warn(source, TaxWarningKind.Oversold, new Amount(asset, shortfall));
        }
    }

    private void Warn(LedgerEvent source, TaxWarningKind kind, Amount amount) =>
        _warnings.Add(new TaxWarning(source.LedgerId, source.Time, kind, amount.Asset, amount.Quantity));

    private LotStore Held(Asset asset) => Account(asset).Held;

    private AssetAccount Account(Asset asset)
    {
        ref var account = ref CollectionsMarshal.GetValueRefOrAddDefault(_accounts, asset, out _);
        return account ??= new AssetAccount(_method);
    }

    private static void Require(bool condition, LedgerEvent source, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Ledger event {source.LedgerId} at {source.Time:O} is malformed: {rule}.");
        }
    }
}
