using System.Net;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>
/// The portal in demo mode on a real loopback port, so the exchange client's calls to the embedded sandbox
/// leave the process and come back. It counts the public (non-<c>/user/</c>) exchange requests it serves,
/// and can run on a frozen clock so the sandbox's prices hold still while a test checks them.
/// </summary>
public class DashboardPortal : ListeningPortal
{
    private int publicRequests;

    /// <summary>Public exchange requests served so far.</summary>
    public int PublicRequests => Volatile.Read(ref publicRequests);

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    /// <summary>A clock to freeze the portal and its sandbox on; null keeps the system clock.</summary>
    protected virtual FakeTimeProvider? Clock => null;

    /// <summary>A new portal user with a connection to the sandbox's demo user; returns both ids.</summary>
    public async Task<(string UserId, Guid ConnectionId)> CreateUserWithDemoConnectionAsync(string label = "Sandbox demo")
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await NewUserAsync();
        var connectionId = await AddDemoConnectionAsync(userId, label, cancellationToken);
        return (userId, connectionId);
    }

    /// <summary>A new user with a demo connection, looking at the dashboard in a circuit of their own.</summary>
    public async Task<DashboardViewer> NewViewerAsync(string label = "Sandbox demo")
    {
        var (userId, connectionId) = await CreateUserWithDemoConnectionAsync(label);
        return new DashboardViewer(Services.CreateAsyncScope(), userId, connectionId);
    }

    /// <summary>Adds another connection to the sandbox's demo user for <paramref name="userId"/>.</summary>
    public Task<Guid> AddDemoConnectionAsync(string userId, string label, CancellationToken cancellationToken) =>
        AddSandboxConnectionAsync(userId, label, new ApiKeyCredentials(Sandbox.Options.Demo.ApiKey, Sandbox.Options.Demo.ApiSecret),
            canTrade: false, cancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portfolio:SnapshotInterval", "00:00:00");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new CountingFilter(() => Interlocked.Increment(ref publicRequests)));
            if (Clock is { } clock)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });
    }

    /// <summary>Counts public exchange requests before any other middleware (the sandbox branch included) sees them.</summary>
    private sealed class CountingFilter(Action count) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/sandbox/v2") && !path.StartsWithSegments("/sandbox/v2/user"))
                {
                    count();
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
