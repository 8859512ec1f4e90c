namespace AllexPortal.Sandbox.Tests.Infrastructure;

/// <summary>One sandbox with the default demo data shared by read-only tests (starting one costs ~1 s).</summary>
public sealed class DemoSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { RateLimits = RateLimitOptions.None, EnableAdmin = true });

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
