namespace AllexPortal.Web.Explorers;

/// <summary>
/// Settings of section <c>Explorers</c>: a block-explorer URL template per coin (<c>Explorers:btc</c>) and, for
/// coins that travel on several chains, per coin and network (<c>Explorers:usdt:trx</c>). A template is an absolute
/// https URL containing <c>{tx}</c>, where the URL-encoded transaction id goes. Keys are compared case-insensitively.
/// Bound by hand from the section's tree because a coin may carry both a value and per-network children.
/// </summary>
public sealed class ExplorerOptions
{
    public const string SectionName = "Explorers";

    /// <summary>The placeholder for the transaction id in a template.</summary>
    public const string Placeholder = "{tx}";

    /// <summary>Templates by coin (network <c>null</c>) or by coin and network. Default: none.</summary>
    public Dictionary<ExplorerKey, string> Templates { get; } = [];

    /// <summary>Reads <paramref name="section"/>: a child with a value is a coin's template, its children with values per-network ones.</summary>
    public void Load(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var coin in section.GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(coin.Value))
            {
                Templates[new ExplorerKey(coin.Key, null)] = coin.Value;
            }

            foreach (var network in coin.GetChildren().Where(n => !string.IsNullOrWhiteSpace(n.Value)))
            {
                Templates[new ExplorerKey(coin.Key, network.Key)] = network.Value!;
            }
        }
    }
}
