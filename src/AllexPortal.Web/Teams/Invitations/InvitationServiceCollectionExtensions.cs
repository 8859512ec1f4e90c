namespace AllexPortal.Web.Teams.Invitations;

/// <summary>Registers team invitations and their mailer.</summary>
public static class InvitationServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalInvitations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TeamInvitations>();
        builder.Services.AddSingleton<InvitationMailer>();
        return builder;
    }
}
