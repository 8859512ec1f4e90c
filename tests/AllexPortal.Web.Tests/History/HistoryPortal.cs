using System.Collections.Concurrent;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.Infrastructure;
using AllexPortal.Web.Tests.Portfolio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AllexPortal.Web.Tests.History;

/// <summary>
/// The portal in demo mode on a loopback port, with ledger rows written straight into its database (the sync's
/// job in production) and the log messages of the history endpoints kept for assertions.
/// </summary>
public class HistoryPortal : DashboardPortal
{
    /// <summary>Messages logged by the history feature, in order.</summary>
    public ConcurrentQueue<string> HistoryLog { get; } = new();

    /// <summary>A history service in a scope of its own, as a page would get it.</summary>
    public async Task<T> WithHistoryAsync<T>(Func<HistoryService, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<HistoryService>());
    }

    /// <summary>A user with a known e-mail (to sign in with) and their id.</summary>
    public async Task<(string Email, string UserId)> NewUserWithEmailAsync()
    {
        var email = $"history-{Guid.NewGuid():N}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalClient.StrongPassword);
        return created.Succeeded ? (email, user.Id) : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>A signed-in client of a new user, talking to the loopback port.</summary>
    public async Task<(PortalClient Client, string UserId)> SignedInAsync()
    {
        var (email, userId) = await NewUserWithEmailAsync();
        var client = CreateListeningClient();
        using var response = await client.SignInAsync(email);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect
            ? (client, userId)
            : throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
    }

    /// <summary>A connection row for <paramref name="userId"/> to an exchange the tests never call.</summary>
    public async Task<Guid> AddLedgerConnectionAsync(string userId, string label, CancellationToken cancellationToken)
    {
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Label = label,
            BaseUrl = "https://exchange.invalid/",
            ApiKeyHint = "test",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CanRead = true,
            CreatedAt = LedgerRows.Start,
        };
        await using var db = await CreateDbAsync(cancellationToken);
        db.Connections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return connection.Id;
    }

    /// <summary>Inserts rows as the sync would (ids assigned by the database, in list order).</summary>
    public async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await CreateDbAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every row of a ledger table as the database holds it.</summary>
    public async Task<List<T>> AllAsync<T>(CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await CreateDbAsync(cancellationToken);
        return await db.Set<T>().AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task<PortalDb> CreateDbAsync(CancellationToken cancellationToken) =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(HistoryLog)));
    }

    /// <summary>Keeps the formatted messages of loggers in the history namespace.</summary>
    private sealed class QueueLoggerProvider(ConcurrentQueue<string> messages) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith(typeof(HistoryService).Namespace!, StringComparison.Ordinal) ? new QueueLogger(messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
