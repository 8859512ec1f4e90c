using System.Net;
using System.Net.Sockets;
using AllexPortal.Web.Tests.Coordination;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Health;

/// <summary><c>/readyz</c>: one named check per shared dependency, each failure named with what to do.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_names_the_database_cache_and_key_ring_checks_and_answers_ok_when_all_work()
    {
        await using var portal = new PortalFactory();

        var report = await ReadinessReport.ReadAsync(portal);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (report.Code, report.Status));
        Assert.Equal(["cache", "database", "key-ring"], report.Checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("In-memory cache", report.Checks["cache"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_fails_on_the_database_check_when_the_database_is_unreachable()
    {
        await using var portal = new PortalFactory();
        var before = await ReadinessReport.ReadAsync(portal);

        portal.Database.MakeUnreachable();
        var report = await ReadinessReport.ReadAsync(portal);

        Assert.Equal("Healthy", before.Checks["database"].Status);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (report.Code, report.Status));
        Assert.Equal("Unhealthy", report.Checks["database"].Status);
        Assert.Contains("cannot be reached", report.Checks["database"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_fails_on_the_cache_check_when_the_configured_redis_does_not_answer()
    {
        var port = UnusedPort();
        await using var portal = new ConfiguredPortal(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{port},connectTimeout=500,password=not-shown",
        });

        var report = await ReadinessReport.ReadAsync(portal);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (report.Code, report.Status));
        Assert.Equal("Unhealthy", report.Checks["cache"].Status);
        Assert.Contains($"Redis at 127.0.0.1:{port} does not answer", report.Checks["cache"].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-shown", report.Checks["cache"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", report.Checks["database"].Status);
    }

    [Fact]
    public async Task Readiness_fails_on_the_key_ring_check_of_an_instance_whose_certificate_cannot_open_the_shared_keys()
    {
        using var database = new TemporaryDatabase();
        var first = Path.Combine(Path.GetTempPath(), $"allexportal-first-{Guid.NewGuid():N}.pfx");
        var other = Path.Combine(Path.GetTempPath(), $"allexportal-other-{Guid.NewGuid():N}.pfx");
        KeyRingCertificate.Write(first, "pw");
        KeyRingCertificate.Write(other, "pw");
        await using var keyMaker = new ConfiguredPortal(KeyRingSettings(database, first));
        var keyMakerReport = await ReadinessReport.ReadAsync(keyMaker);

        await using var misconfigured = new ConfiguredPortal(KeyRingSettings(database, other));
        var report = await ReadinessReport.ReadAsync(misconfigured);

        Assert.Equal("Healthy", keyMakerReport.Checks["key-ring"].Status);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (report.Code, report.Checks["key-ring"].Status));
        Assert.Contains("cannot be decrypted with the configured certificate", report.Checks["key-ring"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", report.Checks["database"].Status);
        File.Delete(first);
        File.Delete(other);
    }

    private static Dictionary<string, string?> KeyRingSettings(TemporaryDatabase database, string certificate) => new()
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:PortalDb"] = database.ConnectionString,
        ["DataProtection:Certificate:Path"] = certificate,
        ["DataProtection:Certificate:Password"] = "pw",
    };

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
