namespace AllexPortal.Web.Portfolio;

/// <summary>What failed on a connection's last refresh (the exchange client's user-facing message, never secret material) and when.</summary>
public sealed record ConnectionFailure(string Message, DateTimeOffset At);
