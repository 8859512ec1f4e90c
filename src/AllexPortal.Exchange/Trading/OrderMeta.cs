namespace AllexPortal.Exchange.Trading;

/// <summary>Optional order flags; <see cref="Note"/> is free text and is sent unescaped so the signature holds.</summary>
public sealed record OrderMeta
{
    public bool? PostOnly { get; init; }
    public string? Note { get; init; }
}
