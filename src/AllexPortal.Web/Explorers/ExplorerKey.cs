namespace AllexPortal.Web.Explorers;

/// <summary>A coin, and optionally one of its networks, as a case-insensitive key of <see cref="ExplorerOptions.Templates"/>.</summary>
public readonly record struct ExplorerKey
{
    public ExplorerKey(string coin, string? network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coin);
        Coin = coin.Trim().ToLowerInvariant();
        Network = string.IsNullOrWhiteSpace(network) ? null : network.Trim().ToLowerInvariant();
    }

    /// <summary>The coin in lower case, e.g. <c>usdt</c>.</summary>
    public string Coin { get; }

    /// <summary>The network in lower case, e.g. <c>trx</c>; <c>null</c> for the coin's own template.</summary>
    public string? Network { get; }

    public override string ToString() => Network is null ? Coin : $"{Coin}:{Network}";
}
