namespace AllexPortal.Web.Connections;

/// <summary>What pages may show of a connection: never the key (only its last four characters) or the secret.</summary>
public sealed record ConnectionSummary(
    Guid Id,
    string Label,
    Uri BaseUrl,
    bool IsDemo,
    string ApiKeyHint,
    bool CanRead,
    bool CanTrade,
    bool CanWithdraw,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CheckedAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>The user whose exchange key this is: only they may replace or delete it.</summary>
    public string OwnerId { get; init; } = "";

    /// <summary>The team the connection is shared in; null in its owner's personal workspace.</summary>
    public Guid? WorkspaceId { get; init; }

    /// <summary>The key as shown everywhere: <c>…abcd</c>.</summary>
    public string MaskedKey => "…" + ApiKeyHint;
}
