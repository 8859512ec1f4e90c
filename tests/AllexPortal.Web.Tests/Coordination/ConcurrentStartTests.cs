using System.Net;
using AllexPortal.Web.Tests.Health;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>Instances started at the same moment on a fresh database, as an orchestrator starts replicas.</summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task Instances_started_together_on_a_fresh_database_migrate_it_once_and_share_one_key()
    {
        await using var cluster = await ScaleOutCluster.StartAsync();

        var started = await Task.WhenAll(cluster.StartInstanceAsync("first"), cluster.StartInstanceAsync("second"));

        await using var db = await started[0].DatabaseAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
        foreach (var instance in started)
        {
            var report = await ReadinessReport.ReadAsync(instance);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (report.Code, report.Status));
        }
    }
}
