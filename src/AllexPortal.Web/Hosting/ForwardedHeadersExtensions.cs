using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AllexPortal.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the portal must see the browser's scheme (secure cookies, redirects) and address
/// (audit log, sign-in rate limit), which the proxy sends as <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c>. Those
/// headers are honoured only from the proxies configured as <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR). With none configured, no forwarded header is honoured — not even
/// from loopback, where any local process (or a port forward) could otherwise forge a client address and escape
/// the per-address sign-in limit. See docs/deploy.md.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    private const string SectionName = "ForwardedHeaders";

    public static WebApplicationBuilder AddPortalForwardedHeaders(this WebApplicationBuilder builder)
    {
        var (proxies, networks) = Read(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so everything after it sees the browser's scheme and address. Not added at all when no
    /// proxy is configured: ASP.NET Core's middleware trusts every sender when both of its lists are empty.
    /// </summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        var (proxies, networks) = Read(app.Configuration);
        if (proxies.Count + networks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(p => Parse(p, IPAddress.Parse, "KnownProxies")).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(n => Parse(n, System.Net.IPNetwork.Parse, "KnownNetworks")).ToList();
        return (proxies, networks);
    }

    private static T Parse<T>(string text, Func<string, T> parse, string key)
    {
        try
        {
            return parse(text.Trim());
        }
        catch (FormatException failure)
        {
            throw new InvalidOperationException($"{SectionName}:{key} has '{text}', which is not a valid address or CIDR network.", failure);
        }
    }
}
