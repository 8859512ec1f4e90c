using AllexPortal.Web.Exchange;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Tests.Portfolio;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Cache;

/// <summary>A demo-mode portal instance (counting its public exchange requests) whose market cache uses Redis as L2.</summary>
public sealed class RedisDashboardPortal(string redis) : DashboardPortal
{
    public MarketData Market => Services.GetRequiredService<MarketData>();

    /// <summary>This instance's embedded sandbox, e.g. <c>http://127.0.0.1:41234/sandbox/</c>.</summary>
    public Uri ExchangeUrl => Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis,
    };
}
