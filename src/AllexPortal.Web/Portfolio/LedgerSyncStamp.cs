namespace AllexPortal.Web.Portfolio;

/// <summary>
/// A connection's complete ledger: when any of its rows last changed (<see cref="ChangedAt"/>, which keys anything
/// computed from it) and when its least recent history was last read successfully (<see cref="SyncedAt"/>, what it is current as of).
/// </summary>
public sealed record LedgerSyncStamp(DateTimeOffset ChangedAt, DateTimeOffset SyncedAt);
