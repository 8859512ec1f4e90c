using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Exchange.Tests.Security;

/// <summary>
/// The client as registered, with a resolver the test controls (no real DNS: "evil.test" resolves to whatever the
/// test says) and a loopback trap that counts every connection made to it, to prove a refusal came before any socket.
/// </summary>
internal sealed class GuardedExchange : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public GuardedExchange(Action<AllexClientOptions> configure)
        : this((options, _) => configure(options))
    {
    }

    /// <summary>Registers the client; <paramref name="configure"/> also gets the trap's port.</summary>
    public GuardedExchange(Action<AllexClientOptions, int> configure)
    {
        Trap = new TcpListener(IPAddress.Loopback, 0);
        Trap.Start();
        _ = AcceptAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IExchangeHostResolver>(Resolver);
        services.AddAllexClient(options =>
        {
            options.MaxRetryAttempts = 0;
            options.RequestsPerSecond = 1000;
            options.BurstSize = 1000;
            configure(options, TrapPort);
        });
        provider = services.BuildServiceProvider(validateScopes: true);
    }

    public FakeResolver Resolver { get; } = new();

    public TcpListener Trap { get; }

    public int TrapPort => ((IPEndPoint)Trap.LocalEndpoint).Port;

    public int TrapConnections => trapConnections;

    private int trapConnections;

    public IAllexClientFactory Factory => provider.GetRequiredService<IAllexClientFactory>();

    public ExchangeOutboundPolicy Policy => provider.GetRequiredService<ExchangeOutboundPolicy>();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var socket = await Trap.AcceptSocketAsync();
                Interlocked.Increment(ref trapConnections);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Trap.Stop();
        Trap.Dispose();
    }

    /// <summary>A resolver without DNS: names map to what the test set, every question is recorded.</summary>
    internal sealed class FakeResolver : IExchangeHostResolver
    {
        private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);

        public ConcurrentQueue<string> Asked { get; } = new();

        public void Map(string host, params IPAddress[] addresses) => names[host] = addresses;

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Asked.Enqueue(host);
            return Task.FromResult(names.TryGetValue(host, out var addresses) ? addresses : throw new SocketException((int)SocketError.HostNotFound));
        }
    }
}

/// <summary>
/// A loopback HTTP/1.1 server written by hand, for answers WireMock cannot give: a chunked body that never ends or
/// trickles in. It stops writing after a few seconds at most, so a broken guard cannot hang a test.
/// </summary>
internal sealed class TricklingServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    public TricklingServer(int chunkBytes, TimeSpan pause)
    {
        listener.Start();
        serving = ServeAsync(chunkBytes, pause);
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    private async Task ServeAsync(int chunkBytes, TimeSpan pause)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                _ = AnswerAsync(socket, chunkBytes, pause);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task AnswerAsync(Socket socket, int chunkBytes, TimeSpan pause)
    {
        using (socket)
        using (var give = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
        {
            give.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await using var stream = new NetworkStream(socket);
                var request = new byte[8192];
                if (await stream.ReadAsync(request, give.Token) == 0)
                {
                    return;
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"), give.Token);
                var chunk = Encoding.ASCII.GetBytes($"{chunkBytes:x}\r\n{new string('a', chunkBytes)}\r\n");
                while (!give.IsCancellationRequested)
                {
                    await stream.WriteAsync(chunk, give.Token);
                    await Task.Delay(pause, give.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // the client gave up, or time is up
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        listener.Dispose();
        await serving;
        stop.Dispose();
    }
}
