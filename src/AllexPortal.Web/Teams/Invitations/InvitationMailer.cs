using AllexPortal.Web.Email;

namespace AllexPortal.Web.Teams.Invitations;

/// <summary>
/// Sends invitation e-mails the way the portal's <c>OutboxEmailSender</c> sends Identity's: into the
/// <see cref="EmailOutbox"/>, with the link also written to the log in Development only (the link admits its holder
/// to a team, so it is never logged elsewhere). Identity's <c>IEmailSender&lt;PortalUser&gt;</c> cannot carry it:
/// its messages are fixed and need an existing account, and an invitee may not have one yet.
/// </summary>
public sealed partial class InvitationMailer(
    EmailOutbox outbox, TimeProvider clock, IHostEnvironment environment, ILogger<InvitationMailer> logger)
{
    /// <summary>Sends the invitation to <paramref name="to"/>.</summary>
    public Task SendAsync(string to, string teamName, WorkspaceRole role, string? inviterEmail, Uri link, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(link);
        var subject = $"You are invited to the team “{teamName}” on AllexPortal";
        var body = $"{inviterEmail ?? "A team Owner"} invited you to join “{teamName}” as {WorkspaceRoles.DisplayName(role)}.\n"
            + $"Open this link to accept or decline; it works until {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC:\n{link.AbsoluteUri}";
        outbox.Add(new OutboxMessage(to, subject, body, link.AbsoluteUri, clock.GetUtcNow()));
        if (environment.IsDevelopment())
        {
            LogSent(to, subject, link.AbsoluteUri);
        }
        else
        {
            LogNotSent(to, subject);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To}: {Subject}: {Link}")]
    private partial void LogSent(string to, string subject, string link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email to {To} ({Subject}) was not sent: no mail transport is configured.")]
    private partial void LogNotSent(string to, string subject);
}
