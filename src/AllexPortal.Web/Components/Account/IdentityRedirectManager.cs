using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using AllexPortal.Web.Data;

namespace AllexPortal.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Redirects within the portal only: a return URL that is not local (another host, a scheme such as
    /// <c>javascript:</c>, or anything a browser could read as one) goes to the home page instead.
    /// </summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalOrHome(uri, navigationManager.BaseUri));

    /// <summary>
    /// <paramref name="uri"/> as a path within the portal, or <c>""</c> (the home page) when it is not one. An absolute
    /// URL under <paramref name="baseUri"/> (the portal's own, as the sign-in redirect sends) becomes its path.
    /// Browsers drop tabs and line breaks inside URLs, strip leading and trailing blanks and read <c>\</c> as
    /// <c>/</c>, so any of those is refused rather than repaired.
    /// </summary>
    internal static string LocalOrHome(string? uri, string baseUri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "";
        }

        if (uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + uri[baseUri.Length..];
        }

        if (uri.Any(char.IsControl) || uri.Contains('\\', StringComparison.Ordinal) || uri.Trim() != uri)
        {
            return "";
        }

        if (uri.StartsWith('/'))
        {
            return uri.StartsWith("//", StringComparison.Ordinal) ? "" : uri;
        }

        var end = uri.IndexOfAny(['/', '?', '#']);
        return (end < 0 ? uri : uri[..end]).Contains(':', StringComparison.Ordinal) ? "" : uri;
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<PortalUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
