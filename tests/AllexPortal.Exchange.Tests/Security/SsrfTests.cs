using System.Net;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Http;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AllexPortal.Exchange.Tests.Security;

/// <summary>
/// The transport guard of every exchange request: allowed base URLs only, no redirects, names resolved and checked
/// when connecting, response size and time capped, no foreign text in errors. No test sends traffic anywhere but
/// loopback: private and public ranges are reached only through the injected resolver, and refusals are shown to
/// happen before a socket opens (the loopback trap counts connections).
/// </summary>
public sealed class SsrfTests
{
    private static readonly Uri Allex = new("https://api.allex.online");
    private static readonly ApiKeyCredentials Key = new("key-0123456789abcd", "secret-never-forwarded");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ForbiddenUrls => new()
    {
        "http://127.0.0.1:{port}/", "http://localhost:{port}/", "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.254/",
        "http://192.168.1.1/", "http://169.254.169.254/", "http://0.0.0.0:{port}/", "http://[::1]:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[ff02::1]/",
        "http://2130706433:{port}/", "http://0177.0.0.1:{port}/", "http://0x7f.1:{port}/",
        "https://api.allex.online.evil.test/", "https://evil.test/api.allex.online/", "http://api.allex.online/",
        "https://api.allex.online:8443/", "https://user@api.allex.online/",
    };

    [Theory]
    [MemberData(nameof(ForbiddenUrls))]
    public async Task A_base_url_that_is_not_an_allowed_exchange_is_refused_before_any_lookup_or_connection(string url)
    {
        await using var exchange = new GuardedExchange(o => o.BaseUrl = Allex);
        var target = new Uri(url.Replace("{port}", exchange.TrapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForApiKey(target, Key).User.GetBalanceAsync(Ct));

        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
        Assert.Empty(exchange.Resolver.Asked);
        Assert.Equal(0, exchange.TrapConnections);
        Assert.False(exchange.Policy.IsAllowedBaseUrl(target));
    }

    public static TheoryData<string> LoopbackLiterals => new()
    {
        "http://127.0.0.1:{port}/", "http://[::1]:{port}/", "http://[::ffff:127.0.0.1]:{port}/", "http://0.0.0.0:{port}/",
        "http://2130706433:{port}/", "http://0177.0.0.1:{port}/", "http://0x7f.1:{port}/", "http://127.1:{port}/",
    };

    [Theory]
    [MemberData(nameof(LoopbackLiterals))]
    public async Task An_allowed_base_url_on_a_loopback_address_the_operator_did_not_allow_is_refused_before_connecting(string url)
    {
        await using var exchange = new GuardedExchange((o, port) => o.AllowedBaseUrls.Add(WithPort(url, port)));
        var port = exchange.TrapPort;
        var target = WithPort(url, port);

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForPublic(target).GetHealthAsync(Ct));

        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
        Assert.Equal(0, exchange.TrapConnections);
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }

    private static Uri WithPort(string url, int port) =>
        new(url.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    public static TheoryData<string> NonPublicAddresses => new()
    {
        "127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
        "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "fe80::1",
        "febf::1", "fc00::1", "fd12:3456::1", "ff02::1", "2002:7f00:1::", "64:ff9b::a00:1", "::127.0.0.1",
    };

    [Theory]
    [MemberData(nameof(NonPublicAddresses))]
    public async Task A_name_resolving_to_a_non_public_address_is_refused_at_connect_time(string address)
    {
        await using var exchange = new GuardedExchange(o => o.AllowedBaseUrls.Add(new Uri("http://evil.test/")));
        exchange.Resolver.Map("evil.test", IPAddress.Parse(address));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForApiKey(new Uri("http://evil.test/"), Key).User.GetBalanceAsync(Ct));

        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
        Assert.Contains("evil.test", exchange.Resolver.Asked);
        Assert.DoesNotContain(address, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(ExchangeOutboundPolicy.IsNonPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task A_name_resolving_to_a_public_and_a_private_address_is_refused_as_a_whole()
    {
        await using var exchange = new GuardedExchange(o => o.AllowedBaseUrls.Add(new Uri("http://evil.test/")));
        exchange.Resolver.Map("evil.test", IPAddress.Parse("10.0.0.1"), IPAddress.Parse("203.0.114.1"));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForPublic(new Uri("http://evil.test/")).GetHealthAsync(Ct));

        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.0.114.1")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_pass_the_address_check(string address) =>
        Assert.False(ExchangeOutboundPolicy.IsNonPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Only_the_exact_non_public_address_the_operator_allowed_is_connected_to()
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        stub.Answer("GET", "/v2/health", 200, """{"name":"x","version":"2.17.4","host":"h","basePath":"/v2"}""");
        var named = new Uri($"http://exchange.test:{stub.BaseUrl.Port}/");
        await using var exchange = new GuardedExchange(o =>
        {
            o.AllowedBaseUrls.Add(named);
            o.AllowedAddresses.Add($"127.0.0.1:{stub.BaseUrl.Port}");
        });
        exchange.Resolver.Map("exchange.test", IPAddress.Loopback);

        var health = await exchange.Factory.ForPublic(named).GetHealthAsync(Ct);

        Assert.Equal("2.17.4", health.Version);
        exchange.Resolver.Map("exchange.test", IPAddress.Parse("127.0.0.2"));
        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForPublic(new Uri($"http://exchange.test:{stub.BaseUrl.Port}/sandbox/")).GetHealthAsync(Ct));
        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
    }

    [Fact]
    public async Task The_allow_list_matches_scheme_host_port_and_path_exactly_never_a_suffix()
    {
        await using var exchange = new GuardedExchange(o => o.AllowedBaseUrls.Add(new Uri("http://localhost:5000/sandbox/")));
        var policy = exchange.Policy;

        Assert.True(policy.IsAllowedBaseUrl(new Uri("http://localhost:5000/sandbox")));
        Assert.True(policy.IsAllowedBaseUrl(new Uri("http://LOCALHOST:5000/sandbox/v2")));
        Assert.False(policy.IsAllowedBaseUrl(new Uri("http://127.0.0.1:5000/sandbox/")));
        Assert.False(policy.IsAllowedBaseUrl(new Uri("http://localhost:6379/sandbox/")));
        Assert.False(policy.IsAllowedBaseUrl(new Uri("http://localhost:5000/internal/sandbox/")));
        Assert.False(policy.IsAllowedBaseUrl(new Uri("http://localhost:5000/")));
        Assert.False(policy.IsAllowedBaseUrl(new Uri("https://localhost:5000/sandbox/")));
        Assert.True(policy.IsAllowedRequest(new Uri("http://localhost:5000/sandbox/v2/user/balance")));
        Assert.False(policy.IsAllowedRequest(new Uri("http://localhost:5000/sandbox/v2x")));
        Assert.False(policy.IsAllowedRequest(new Uri("http://localhost:5000/admin")));
    }

    public static TheoryData<string> RedirectTargets => new()
    {
        "http://127.0.0.1:{port}/v2/user/balance", "http://10.0.0.1/latest/meta-data", "http://169.254.169.254/latest/meta-data",
        "http://[::1]:{port}/", "http://[fe80::1]/", "http://0x7f.1:{port}/", "https://api.allex.online/v2/user/balance",
    };

    [Theory]
    [MemberData(nameof(RedirectTargets))]
    public async Task A_redirect_is_never_followed_and_the_signed_headers_never_reach_its_target(string location)
    {
        await using var exchange = new GuardedExchange(_ => { });
        var target = location.Replace("{port}", exchange.TrapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        stub.Server.Given(Request.Create().WithPath("/v2/user/balance").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", target).WithBody("redirected"));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => stub.Factory.ForApiKey(stub.BaseUrl, Key).User.GetBalanceAsync(Ct));

        Assert.Equal(ExchangeErrorKind.DestinationRefused, refused.Kind);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Single(stub.Calls("/v2/user/balance"));
        Assert.Equal(0, exchange.TrapConnections);
        Assert.DoesNotContain("redirected", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(target, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_declared_body_is_refused()
    {
        await using var stub = new ExchangeStub(o => { o.MaxRetryAttempts = 0; o.MaxResponseBytes = 4096; });
        stub.Answer("GET", "/v2/health", 200, "{\"name\":\"" + new string('x', 20_000) + "\"}");

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => stub.Factory.ForPublic(stub.BaseUrl).GetHealthAsync(Ct));

        Assert.Equal(ExchangeErrorKind.MalformedResponse, refused.Kind);
        Assert.Contains("larger than this portal accepts", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_streamed_body_stops_at_the_size_cap()
    {
        await using var server = new TricklingServer(chunkBytes: 8192, pause: TimeSpan.Zero);
        await using var exchange = new GuardedExchange(o =>
        {
            o.AllowedBaseUrls.Add(server.BaseUrl);
            o.AllowedAddresses.Add("127.0.0.1");
            o.MaxResponseBytes = 64 * 1024;
        });
        await using var csv = await exchange.Factory.ForApiKey(server.BaseUrl, Key).User.ExportTradesCsvAsync(cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => csv.CopyToAsync(Stream.Null, Ct));

        Assert.Equal(ExchangeErrorKind.MalformedResponse, refused.Kind);
    }

    [Fact]
    public async Task A_trickling_body_fails_after_the_body_timeout()
    {
        await using var server = new TricklingServer(chunkBytes: 1, pause: TimeSpan.FromMilliseconds(100));
        await using var exchange = new GuardedExchange(o =>
        {
            o.AllowedBaseUrls.Add(server.BaseUrl);
            o.AllowedAddresses.Add("127.0.0.1");
            o.ResponseBodyTimeout = TimeSpan.FromMilliseconds(500);
        });
        var started = TimeProvider.System.GetTimestamp();
        await using var csv = await exchange.Factory.ForApiKey(server.BaseUrl, Key).User.ExportTradesCsvAsync(cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => csv.CopyToAsync(Stream.Null, Ct));

        Assert.Equal(ExchangeErrorKind.Timeout, refused.Kind);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_trickling_json_body_fails_the_call_after_the_body_timeout()
    {
        await using var server = new TricklingServer(chunkBytes: 1, pause: TimeSpan.FromMilliseconds(100));
        await using var exchange = new GuardedExchange(o =>
        {
            o.AllowedBaseUrls.Add(server.BaseUrl);
            o.AllowedAddresses.Add("127.0.0.1");
            o.ResponseBodyTimeout = TimeSpan.FromMilliseconds(500);
        });

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForPublic(server.BaseUrl).GetHealthAsync(Ct));

        Assert.Equal(ExchangeErrorKind.Timeout, refused.Kind);
    }

    [Theory]
    [InlineData(500, "text/html", "<html><body>redis_version:7.0.11 INTERNAL-BANNER</body></html>")]
    [InlineData(404, "text/plain", "-ERR unknown command INTERNAL-BANNER")]
    [InlineData(401, "application/json", """{"error":"INTERNAL-BANNER","detail":"admin console"}""")]
    [InlineData(400, "application/json", """["INTERNAL-BANNER"]""")]
    public async Task A_foreign_error_body_is_never_echoed(int status, string contentType, string body)
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        stub.Server.Given(Request.Create().WithPath("/v2/user/balance").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => stub.Factory.ForApiKey(stub.BaseUrl, Key).User.GetBalanceAsync(Ct));

        Assert.DoesNotContain("INTERNAL-BANNER", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.ExchangeMessage);
    }

    [Fact]
    public async Task Only_the_exchange_message_field_reaches_the_user_as_short_plain_text()
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        var message = "Invalid symbol <script>alert(1)</script>\r\n" + new string('z', 5000);
        stub.Answer("GET", "/v2/user/balance", 400, System.Text.Json.JsonSerializer.Serialize(new { message, stack = "INTERNAL-BANNER" }));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => stub.Factory.ForApiKey(stub.BaseUrl, Key).User.GetBalanceAsync(Ct));

        Assert.StartsWith("Invalid symbol script", refused.ExchangeMessage, StringComparison.Ordinal);
        Assert.True(refused.ExchangeMessage!.Length <= 201);
        Assert.DoesNotContain('<', refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain("INTERNAL-BANNER", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_reported_without_its_address_or_the_transport_text()
    {
        await using var exchange = new GuardedExchange(o =>
        {
            o.AllowedBaseUrls.Add(new Uri("http://127.0.0.1:1/"));
            o.AllowedAddresses.Add("127.0.0.1");
        });

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => exchange.Factory.ForPublic(new Uri("http://127.0.0.1:1/")).GetHealthAsync(Ct));

        Assert.Equal(ExchangeErrorKind.Unreachable, refused.Kind);
        Assert.DoesNotContain("127.0.0.1", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("text/html", "<html><body>INTERNAL-BANNER</body></html>")]
    [InlineData("application/json", """{"data":"INTERNAL-BANNER"}""")]
    public async Task A_csv_export_answered_with_anything_but_csv_is_refused(string contentType, string body)
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        stub.Server.Given(Request.Create().WithPath("/v2/user/trades").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Content-Type", contentType).WithBody(body));

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => stub.Factory.ForApiKey(stub.BaseUrl, Key).User.ExportTradesCsvAsync(cancellationToken: Ct));

        Assert.Equal(ExchangeErrorKind.MalformedResponse, refused.Kind);
        Assert.DoesNotContain("INTERNAL-BANNER", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("127.0.0.1:5090", true)]
    [InlineData("[::1]:5090", true)]
    [InlineData("::1", true)]
    [InlineData("2130706433", false)]
    [InlineData("0x7f.1", false)]
    [InlineData("0177.0.0.1", false)]
    [InlineData("localhost", false)]
    [InlineData("10.0.0.0/8", false)]
    public void An_address_allowance_must_be_one_plainly_written_address(string entry, bool valid)
    {
        var options = new Configuration.AllexClientOptions();
        options.AllowedAddresses.Add(entry);

        Assert.Equal(valid, options.Validate() is null);
    }

    [Fact]
    public async Task An_allowance_with_a_port_allows_that_port_only()
    {
        await using var exchange = new GuardedExchange(o => o.AllowedAddresses.Add("[::1]:5090"));

        Assert.True(exchange.Policy.IsAllowedAddress(IPAddress.IPv6Loopback, 5090));
        Assert.False(exchange.Policy.IsAllowedAddress(IPAddress.IPv6Loopback, 6379));
        Assert.False(exchange.Policy.IsAllowedAddress(IPAddress.Loopback, 5090));
    }
}
