using Microsoft.AspNetCore.Hosting;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using AllexPortal.Exchange.Configuration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>
/// The real portal in memory, on its own database (a SQLite file, or a PostgreSQL database in the PostgreSQL run:
/// see <see cref="TemporaryDatabase"/>). Sign-in rate limiting is raised so tests that sign in often are not
/// throttled; tests of the limit itself override it.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDatabase database = new();

    /// <summary>Exchanges a test started after the portal and allowed explicitly (<see cref="TestExchangeAllowances.Allow"/>).</summary>
    public TestExchangeAllowances AllowedTestExchanges { get; } = new();

    /// <summary>This portal's own database.</summary>
    public TemporaryDatabase Database => database;

    /// <summary>Settings on top of the test defaults; override to change one.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert on them.</summary>
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Registers an account through the real registration page, in a client of its own.</summary>
    public async Task RegisterUserAsync(string email, string password = PortalClient.StrongPassword)
    {
        using var client = CreatePortalClient();
        using var response = await client.RegisterAsync(email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registering {email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>Creates a portal user (through Identity, as registration does) and returns their id.</summary>
    public async Task<string> NewUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalClient.StrongPassword);
        return created.Succeeded ? user.Id : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:PortalDb", database.ConnectionString);
        builder.UseSetting("Security:SignInRateLimit:PermitLimit", "1000");
        builder.UseSetting("Ledger:DiscoveryInterval", "00:00:00"); // no background ledger sync unless a test asks (Ledger/)
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IExchangeAllowances>(AllowedTestExchanges));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}
