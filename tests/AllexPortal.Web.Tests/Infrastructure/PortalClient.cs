using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>
/// Drives the portal's static account pages like a browser without scripts: loads a page, fills the
/// named Blazor form (keeping its antiforgery token) and posts it. Cookies persist between calls.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public const string StrongPassword = "Correct-Horse-7";

    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string path) =>
        Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Loads <paramref name="path"/>, fills the form named <paramref name="formName"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(
        string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var page = await GetAsync(path);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        var form = document.Forms.FirstOrDefault(f =>
                f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {path}.");

        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }

    public Task<HttpResponseMessage> RegisterAsync(string email, string password = StrongPassword) =>
        SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public Task<HttpResponseMessage> SignInAsync(string email, string password = StrongPassword) =>
        SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs out through the app bar's form, which needs an antiforgery token from a signed-in page.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var page = await GetAsync("/Account/Manage");
        page.EnsureSuccessStatusCode();
        var document = await new HtmlParser().ParseDocumentAsync(
            await page.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
        var token = (document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("No antiforgery token on the account page.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        });
        return await Http.PostAsync(new Uri("/Account/Logout", UriKind.Relative), content, cancellationToken);
    }

    /// <summary>The path a redirect points to, whether the portal sent it absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location
            ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect.")).AbsolutePath;

    public void Dispose() => Http.Dispose();
}
