namespace AllexPortal.Core.Tax.Events;

/// <summary>
/// One row of the local ledger as the tax engine sees it: a trade, a deposit or a withdrawal.
/// </summary>
/// <remarks>
/// The engine orders events by <see cref="Time"/> and then by <see cref="LedgerId"/>, so events at the same
/// instant give the same result whatever order they arrive in. Ledger ids must therefore be unique across the
/// connections of one report (the local ledger's row ids are).
/// </remarks>
/// <param name="LedgerId">The local ledger row id; the tie-break between equal times.</param>
/// <param name="Time">When the event happened (UTC).</param>
public abstract record LedgerEvent(long LedgerId, DateTimeOffset Time);
