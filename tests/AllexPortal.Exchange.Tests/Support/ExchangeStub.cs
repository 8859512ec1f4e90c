using AllexPortal.Exchange.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AllexPortal.Exchange.Tests.Support;

/// <summary>A WireMock exchange on loopback plus a service provider with the real client registered against it.</summary>
internal sealed class ExchangeStub : IAsyncDisposable
{
    public static readonly DateTimeOffset SigningNow = DateTimeOffset.FromUnixTimeSeconds(1_775_000_000);

    private readonly ServiceProvider provider;

    public ExchangeStub(Action<AllexClientOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        Server = WireMockServer.Start();
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddAllexClient(options =>
        {
            options.BaseUrl = new Uri(Server.Url!);
            options.AllowedBaseUrls.Add(new Uri(new Uri(Server.Url!), "/sandbox/")); // the same stub as a prefixed mount
            options.RequestsPerSecond = 1000;
            options.BurstSize = 1000;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            // The stub listens on loopback, which the connection guard refuses unless allowed: allowed exactly, as an
            // operator would allow an exchange on a private address.
            options.AllowedAddresses.Add("127.0.0.1");
            options.AllowedAddresses.Add("::1");
            configure?.Invoke(options);
        });
        provider = services.BuildServiceProvider(validateScopes: true);
    }

    public WireMockServer Server { get; }

    public Uri BaseUrl => new(Server.Url!);

    public IAllexClientFactory Factory => provider.GetRequiredService<IAllexClientFactory>();

    public IServiceProvider Services => provider;

    public static ExchangeStub WithFrozenClock(Action<AllexClientOptions>? configure = null) =>
        new(configure, new FakeTimeProvider(SigningNow));

    public void Answer(string method, string path, int status, string body, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body).WithHeader("Content-Type", "application/json");
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Answers <paramref name="first"/> once, then <paramref name="then"/> on every later call.</summary>
    public void AnswerInSequence(string method, string path, IResponseBuilder first, IResponseBuilder then)
    {
        var scenario = Guid.NewGuid().ToString("N");
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .InScenario(scenario).WillSetStateTo("answered").RespondWith(first);
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .InScenario(scenario).WhenStateIs("answered").RespondWith(then);
    }

    public IReadOnlyList<ILogEntry> Calls(string path) =>
        [.. Server.LogEntries.Where(entry => entry.RequestMessage?.AbsolutePath == path)];

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }
}
