using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AllexPortal.Web.Hosting;

/// <summary>
/// The portal's public address, for links that leave the browser: password-reset, e-mail confirmation and
/// invitation links. It is <c>Portal:PublicBaseUrl</c>, or without it the address the portal listens on — never the
/// request's <c>Host</c> header, which the sender of a request chooses (a reset link pointing at their host would
/// hand them the victim's reset token). Outside Development a portal on a real exchange refuses to start without
/// the setting; demo mode and Development fall back to the listening address. With the setting and no
/// <c>AllowedHosts</c> of its own, the portal answers only requests for that host (and <c>localhost</c>, for the
/// container's health check).
/// </summary>
public sealed class PortalLinks(Uri? publicBaseUrl, IServer server)
{
    public const string SettingName = "Portal:PublicBaseUrl";

    /// <summary>The base every link starts with, ending in <c>/</c>.</summary>
    public Uri BaseUri => publicBaseUrl ?? ListeningBase();

    /// <summary><paramref name="relativePath"/> (e.g. <c>Account/ResetPassword</c>) as an absolute link.</summary>
    public string Absolute(string relativePath) => new Uri(BaseUri, relativePath).AbsoluteUri;

    /// <summary>Reads and checks the setting, sets <c>AllowedHosts</c> from it and registers the service.</summary>
    public static WebApplicationBuilder AddPortalLinks(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[SettingName];
        Uri? publicBase = null;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            publicBase = Parse(configured.Trim());
            if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
            {
                builder.Configuration["AllowedHosts"] = $"{publicBase.IdnHost};localhost";
            }
        }
        else if (!builder.Environment.IsDevelopment()
            && !PortalExchangeOptions.From(builder.Configuration).IsDemo)
        {
            throw new InvalidOperationException(
                $"{SettingName} is required outside Development unless in demo mode: password-reset, e-mail confirmation and " +
                "invitation links are built from it, never from the request's Host header. Set it to the address people open, " +
                "e.g. Portal__PublicBaseUrl=https://portal.example.com/ (see docs/deploy.md).");
        }

        builder.Services.AddSingleton(services => new PortalLinks(publicBase, services.GetRequiredService<IServer>()));
        return builder;
    }

    private static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{SettingName} has '{text}', which is not an http(s) address such as https://portal.example.com/.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    private Uri ListeningBase()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? "http://localhost/";
        var local = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)) { Path = "/" };
        return local.Uri;
    }
}
