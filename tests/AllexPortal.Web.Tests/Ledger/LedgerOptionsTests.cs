using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Unusable ledger settings stop the portal at start, naming the setting, instead of at the first sync.</summary>
public sealed class LedgerOptionsTests
{
    [Theory]
    [InlineData("Ledger:SyncInterval", "00:00:01", "Ledger:SyncInterval must be at least 10 seconds")]
    [InlineData("Ledger:Overlap", "-01:00:00", "Ledger:Overlap must not be negative")]
    [InlineData("Ledger:PageSize", "500", "Ledger:PageSize must be between 1 and 100")]
    public void Portal_refuses_to_start_with_an_unusable_ledger_setting(string key, string value, string message)
    {
        using var portal = new PortalWith(key, value);

        var failure = Assert.Throws<OptionsValidationException>(() => portal.Services);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private sealed class PortalWith(string key, string value) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }
}
