namespace AllexPortal.Web.Reports;

/// <summary>
/// When each connection's ledger last changed (<c>LedgerSyncState.LastChangeAt</c>, the newest over its kinds), as
/// a comparable value: a cached report is reused only while the stamp it was computed from still holds.
/// </summary>
public sealed class LedgerStamp : IEquatable<LedgerStamp>
{
    private readonly SortedDictionary<Guid, DateTimeOffset?> changes;

    /// <summary>Creates a stamp from the last change of each connection (null: never changed by a sync).</summary>
    public LedgerStamp(IEnumerable<KeyValuePair<Guid, DateTimeOffset?>> lastChanges) => changes = new(lastChanges.ToDictionary());

    /// <summary>The last change of each connection.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset?> Changes => changes;

    public bool Equals(LedgerStamp? other) =>
        other is not null && changes.Count == other.changes.Count
        && changes.All(pair => other.changes.TryGetValue(pair.Key, out var at) && at?.UtcTicks == pair.Value?.UtcTicks);

    public override bool Equals(object? obj) => Equals(obj as LedgerStamp);

    public override int GetHashCode() => changes.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value?.UtcTicks));
}
