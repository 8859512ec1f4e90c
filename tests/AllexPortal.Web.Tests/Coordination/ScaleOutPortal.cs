using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>
/// One portal instance of several sharing a database, on a real loopback port, pointed at a shared exchange
/// (<c>Exchange:BaseUrl</c>, so no embedded demo: as production runs) with its key ring protected by a certificate.
/// It counts the history requests it sends to the exchange, and its database can be severed, so the instance
/// behaves as a killed process towards the others: it neither writes nor renews nor releases anything again.
/// </summary>
public sealed class ScaleOutPortal(string instanceId, IReadOnlyDictionary<string, string?> settings) : ListeningPortal
{
    private readonly SeverableDatabase severable = new();
    private int historyCalls;

    /// <summary>This instance's name in the lease table.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>Requests for the user's history (trades, orders, deposits, withdrawals) sent to the exchange so far.</summary>
    public int HistoryCalls => Volatile.Read(ref historyCalls);

    public LedgerSyncCoordinator Coordinator => Services.GetRequiredService<LedgerSyncCoordinator>();

    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    /// <summary>From now on every database connection of this instance fails, as if its process had died.</summary>
    public void Sever() => severable.Severed = true;

    /// <summary>A connection of <paramref name="userId"/> to the shared exchange, sealed by THIS instance's vault.</summary>
    public async Task<Guid> SealConnectionAsync(string userId, Uri exchange, ApiKeyCredentials credentials)
    {
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Label = $"Sealed by {InstanceId}",
            BaseUrl = exchange.AbsoluteUri,
            ApiKeyHint = "",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CanRead = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Services.GetRequiredService<CredentialVault>().Seal(connection, credentials);
        await using var db = await DatabaseAsync();
        db.Connections.Add(connection);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return connection.Id;
    }

    /// <summary>A fresh context on the shared database through this instance.</summary>
    public async Task<PortalDb> DatabaseAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<PortalDb>(options => options.AddInterceptors(severable));
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new CountingFilter(() => Interlocked.Increment(ref historyCalls)));
            services.PostConfigure<AllexClientOptions>(client =>
            {
                client.RequestsPerSecond = 10_000;
                client.BurstSize = 10_000;
                client.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            });
        });
    }

    /// <summary>Counts outgoing requests for the user's history, whichever client sends them.</summary>
    private sealed class CountingFilter(Action count) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            builder.AdditionalHandlers.Insert(0, new CountingHandler(count));
        };
    }

    private sealed class CountingHandler(Action count) : DelegatingHandler
    {
        private static readonly string[] History = ["/v2/user/trades", "/v2/orders", "/v2/user/deposits", "/v2/user/withdrawals"];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            if (History.Any(h => path.EndsWith(h, StringComparison.Ordinal)))
            {
                count();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
