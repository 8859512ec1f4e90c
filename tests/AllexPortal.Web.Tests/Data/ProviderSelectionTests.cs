using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Data;

public sealed class ProviderSelectionTests
{
    [Fact]
    public void Postgres_provider_stops_start_up_with_a_clear_message()
    {
        using var portal = new PostgresPortal();

        var failure = Assert.Throws<NotSupportedException>(() => portal.CreatePortalClient());

        Assert.Contains("'Postgres' is not yet supported", failure.Message, StringComparison.Ordinal);
    }

    private sealed class PostgresPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
        };
    }
}
