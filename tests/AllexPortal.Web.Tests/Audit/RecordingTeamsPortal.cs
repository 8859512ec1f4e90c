using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Invitations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Audit;

/// <summary>The teams portal with every SQL command that names the audit table recorded.</summary>
public sealed class RecordingTeamsPortal : TimedTeamsPortal
{
    public AuditCommandRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PortalDb>(options => options.AddInterceptors(Recorder), ServiceLifetime.Singleton));
    }
}
