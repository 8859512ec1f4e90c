using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Explorers;

/// <summary>
/// Turns a deposit's or withdrawal's transaction id into a block-explorer link when its coin (or coin and network)
/// has a template configured. The id is URL-encoded into the template, so an id from the exchange can never add a
/// path, query or script to the link.
/// </summary>
public sealed class ExplorerLinks(IOptions<ExplorerOptions> options)
{
    /// <summary>The explorer page of <paramref name="transactionId"/>, or <c>null</c> when none is configured or there is no id.</summary>
    public Uri? LinkFor(string? coin, string? network, string? transactionId)
    {
        if (string.IsNullOrWhiteSpace(coin) || string.IsNullOrWhiteSpace(transactionId))
        {
            return null;
        }

        var templates = options.Value.Templates;
        if (!templates.TryGetValue(new ExplorerKey(coin, network), out var template)
            && !templates.TryGetValue(new ExplorerKey(coin, null), out template))
        {
            return null;
        }

        var link = template.Replace(ExplorerOptions.Placeholder, Uri.EscapeDataString(transactionId.Trim()), StringComparison.Ordinal);
        return Uri.TryCreate(link, UriKind.Absolute, out var url) ? url : null;
    }
}
