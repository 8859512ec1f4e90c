using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Health;

/// <summary>The portal with settings of one test on top of the defaults.</summary>
public sealed class ConfiguredPortal(IReadOnlyDictionary<string, string?> settings) : PortalFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;
}
