using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AllexPortal.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the portal must see the browser's scheme (secure cookies, redirects) and address
/// (audit log, sign-in rate limit), which the proxy sends as <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c>. Those
/// headers are honoured only from known proxies — anyone else could forge them: loopback when nothing is
/// configured, otherwise exactly <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR). See docs/deploy.md.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    private const string SectionName = "ForwardedHeaders";

    public static WebApplicationBuilder AddPortalForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(p => Parse(p, IPAddress.Parse, "KnownProxies")).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(n => Parse(n, System.Net.IPNetwork.Parse, "KnownNetworks")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count == 0)
            {
                return; // ASP.NET Core's defaults: loopback only.
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the browser's scheme and address.</summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
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
