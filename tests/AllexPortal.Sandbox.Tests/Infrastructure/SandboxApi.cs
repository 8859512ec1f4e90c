using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OtpNet;

namespace AllexPortal.Sandbox.Tests.Infrastructure;

/// <summary>A plain HttpClient speaking to a running sandbox the way any HollaEx client does.</summary>
internal sealed class SandboxApi(SandboxServer server, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public HttpClient Http { get; } = new() { BaseAddress = server.BaseAddress };

    public SandboxServer Server => server;

    public static SandboxOptions Options(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { RateLimits = RateLimitOptions.None, EnableAdmin = true };
        options.Demo.TradeCount = 400;
        options.HistoryDays = 120;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A fresh sandbox with small demo data, no rate limits and the admin endpoints on.</summary>
    public static Task<SandboxServer> StartAsync(Action<SandboxOptions>? configure = null, TimeProvider? time = null, string pathPrefix = "") =>
        SandboxServer.StartAsync(Options(configure), time, pathPrefix, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> GetAsync(string path) =>
        Http.GetAsync(path.TrimStart('/'), TestContext.Current.CancellationToken);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        return await ReadJsonAsync(response, expectSuccess: true);
    }

    /// <summary>Signs <paramref name="path"/> (from <c>/v2</c>) and the body exactly as sent.</summary>
    public Task<HttpResponseMessage> SignedAsync(HttpMethod method, string path, string key, string secret, string? body = null,
        long? expires = null, Action<HttpRequestMessage>? adjust = null)
    {
        // Distinct expiries keep identical requests of parallel tests from looking like replays.
        var expiry = expires ?? _clock.GetUtcNow().ToUnixTimeSeconds() + 60 + Random.Shared.Next(0, 100_000);
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        var signedPath = new Uri(Http.BaseAddress!, path.TrimStart('/')).PathAndQuery;
        var prefix = Http.BaseAddress!.AbsolutePath.TrimEnd('/');
        signedPath = signedPath[prefix.Length..];
        request.Headers.Add("api-key", key);
        request.Headers.Add("api-expires", expiry.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("api-signature", TestSigner.Sign(secret, method.Method, signedPath, expiry, body ?? ""));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        adjust?.Invoke(request);
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> DemoSignedAsync(HttpMethod method, string path, string? body = null) =>
        SignedAsync(method, path, server.Exchange.Options.Demo.ApiKey, server.Exchange.Options.Demo.ApiSecret, body);

    public Task<HttpResponseMessage> BearerAsync(HttpMethod method, string path, string token, string? body = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string body) =>
        Http.PostAsync(path.TrimStart('/'), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public string Totp(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(_clock.GetUtcNow().UtcDateTime);

    public async Task<string> LoginAsync(string email, string password, string? totpSecret = null)
    {
        var otp = totpSecret is null ? "" : $",\"otp_code\":\"{Totp(totpSecret)}\"";
        using var response = await PostJsonAsync("v2/login", $"{{\"email\":\"{email}\",\"password\":\"{password}\"{otp}}}");
        var json = await ReadJsonAsync(response, expectSuccess: true);
        return json.GetProperty("token").GetString()!;
    }

    public Task<string> LoginDemoAsync()
    {
        var demo = server.Exchange.Options.Demo;
        return LoginAsync(demo.Email, demo.Password, demo.TotpSecret);
    }

    /// <summary>Signs up and logs in a fresh user (funded by the signup deposits); returns email and token.</summary>
    public async Task<(string Email, string Token)> SignUpAsync(string name)
    {
        var email = $"{name}@example.test";
        using var response = await PostJsonAsync("v2/signup", $"{{\"email\":\"{email}\",\"password\":\"Passw0rd-{name}\"}}");
        await ReadJsonAsync(response, expectSuccess: true);
        return (email, await LoginAsync(email, $"Passw0rd-{name}"));
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, bool expectSuccess = false)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (expectSuccess && !response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();
}
