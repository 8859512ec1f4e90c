namespace AllexPortal.Web.Email;

/// <summary>
/// The last messages the portal produced, kept in memory. There is no mail transport yet, so this is
/// how a person running the portal locally, and the tests, reach confirmation and reset links
/// without reading logs. Bounded, so it cannot grow without limit.
/// </summary>
public sealed class EmailOutbox
{
    /// <summary>How many messages are kept; older ones are dropped first.</summary>
    public const int Capacity = 50;

    private readonly Lock gate = new();
    private readonly Queue<OutboxMessage> messages = new();

    /// <summary>The kept messages, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Adds a message, dropping the oldest beyond <see cref="Capacity"/>.</summary>
    public void Add(OutboxMessage message)
    {
        lock (gate)
        {
            messages.Enqueue(message);
            while (messages.Count > Capacity)
            {
                messages.Dequeue();
            }
        }
    }

    /// <summary>The newest message to <paramref name="to"/>, if any.</summary>
    public OutboxMessage? LatestTo(string to)
    {
        lock (gate)
        {
            return messages.LastOrDefault(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
        }
    }
}
