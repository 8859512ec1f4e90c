namespace AllexPortal.Web.Teams;

/// <summary>Registers the workspace service and the per-circuit current workspace.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkspaceService>();
        builder.Services.AddScoped<CurrentWorkspace>();
        return builder;
    }
}
