namespace AllexPortal.Core.Tax.Events;

/// <summary>
/// Orders ledger events by time and then by ledger id: the engine's replay order, which makes results
/// independent of the order events arrive in.
/// </summary>
internal sealed class LedgerEventOrder : IComparer<LedgerEvent>
{
    public static LedgerEventOrder Instance { get; } = new();

    public int Compare(LedgerEvent? x, LedgerEvent? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byTime = x.Time.UtcTicks.CompareTo(y.Time.UtcTicks);
        return byTime != 0 ? byTime : x.LedgerId.CompareTo(y.LedgerId);
    }

    /// <summary>
    /// Copies <paramref name="events"/> into replay order (sorting only when they are not already in it) and
    /// refuses two events with the same time and ledger id, whose order could not be made stable.
    /// </summary>
    public static LedgerEvent[] Sort(IEnumerable<LedgerEvent> events)
    {
        var ordered = events.ToArray();
        var sorted = true;
        if (ordered.Length > 0)
        {
            var previous = ordered[0] ?? throw new ArgumentNullException(nameof(events));
            var previousTicks = previous.Time.UtcTicks;
            for (var i = 1; i < ordered.Length; i++)
            {
                var current = ordered[i] ?? throw new ArgumentNullException(nameof(events));
                var ticks = current.Time.UtcTicks;
                if (ticks == previousTicks && current.LedgerId == previous.LedgerId)
                {
                    throw Duplicate(current);
                }

                if (ticks < previousTicks || (ticks == previousTicks && current.LedgerId < previous.LedgerId))
                {
                    sorted = false;
                    break;
                }

                previous = current;
                previousTicks = ticks;
            }
        }

        if (!sorted)
        {
            Array.Sort(ordered, Instance);
            for (var i = 1; i < ordered.Length; i++)
            {
                if (Instance.Compare(ordered[i - 1], ordered[i]) == 0)
                {
                    throw Duplicate(ordered[i]);
                }
            }
        }

        return ordered;
    }

    private static ArgumentException Duplicate(LedgerEvent ledgerEvent) => new(
        $"Two ledger events share ledger id {ledgerEvent.LedgerId} at {ledgerEvent.Time:O}.", "events");
}
