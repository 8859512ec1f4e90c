using StackExchange.Redis;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// The one Redis connection of this instance (the shared L2 of <see cref="MarketData"/>'s cache), opened on first
/// use and kept. The portal starts while Redis is down (the cache then falls back to each instance's memory and
/// <c>/readyz</c> says so); the configuration string may hold a password, so only <see cref="Endpoints"/> is ever shown.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions configuration;
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnectionMultiplexer? connection;

    public RedisConnection(string configuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        this.configuration = ConfigurationOptions.Parse(configuration);
        this.configuration.AbortOnConnectFail = false;
        Endpoints = string.Join(", ", this.configuration.EndPoints.Select(e => e.ToString()));
    }

    /// <summary>Where Redis is expected (host:port list), without credentials.</summary>
    public string Endpoints { get; }

    /// <summary>The shared multiplexer, connecting on first call.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync()
    {
        if (Volatile.Read(ref connection) is { } open)
        {
            return open;
        }

        await gate.WaitAsync();
        try
        {
            connection ??= await ConnectionMultiplexer.ConnectAsync(configuration);
            return connection;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The round trip of a PING; throws when Redis does not answer.</summary>
    public async Task<TimeSpan> PingAsync()
    {
        var multiplexer = await ConnectAsync();
        return await multiplexer.GetDatabase().PingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }
}
