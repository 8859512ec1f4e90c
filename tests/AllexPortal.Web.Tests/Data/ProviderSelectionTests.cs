using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Data;

public sealed class ProviderSelectionTests
{
    [Fact]
    public void Postgres_provider_without_a_connection_string_stops_start_up_with_a_clear_message()
    {
        using var portal = new ConfiguredPortal(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:PortalDb"] = "",
        });

        var failure = Assert.Throws<InvalidOperationException>(() => portal.CreatePortalClient());

        Assert.Contains("ConnectionStrings:PortalDb is empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_stops_start_up()
    {
        using var portal = new ConfiguredPortal(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var failure = Record.Exception(() => portal.CreatePortalClient());

        Assert.NotNull(failure);
    }

    [Fact]
    public async Task The_portal_hands_out_the_configured_providers_own_context_type()
    {
        using var portal = new PortalFactory();
        var expected = portal.Database.Provider == DatabaseProvider.Postgres ? typeof(PostgresPortalDb) : typeof(PortalDb);

        await using var fromFactory = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var scope = portal.Services.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<PortalDb>();

        Assert.Equal(expected, fromFactory.GetType());
        Assert.Equal(expected, scoped.GetType());
        Assert.Empty(await scoped.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    private sealed class ConfiguredPortal(IReadOnlyDictionary<string, string?> settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;
    }
}
