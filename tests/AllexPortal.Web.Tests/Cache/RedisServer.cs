using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AllexPortal.Web.Tests.Cache;

/// <summary>
/// A throw-away <c>redis-server</c> (Debian package <c>redis-server</c>) on a free loopback port, without
/// persistence, started for a test class and killed after it. A missing binary fails the tests with the package
/// to install; they never skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public int Port { get; private set; }

    /// <summary>The configuration string the portal takes in <c>ConnectionStrings:Redis</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed; install Debian's package: apt-get install -y redis-server");
        Port = UnusedPort();
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        while (!await AnswersAsync())
        {
            if (process.HasExited || DateTimeOffset.UtcNow > until)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not accept connections.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
        }
    }

    private async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
