namespace AllexPortal.Exchange;

/// <summary>The exchange's plain acknowledgement (<c>{"message": "..."}</c>) for actions that return nothing else.</summary>
public sealed record MessageResponse
{
    /// <summary>The exchange's text; it may be translated for bearer sessions, so never branch on it.</summary>
    public string? Message { get; init; }
}
