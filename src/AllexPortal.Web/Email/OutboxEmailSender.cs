using System.Net;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AllexPortal.Web.Email;

/// <summary>
/// Identity's mail for portal accounts while no mail transport is configured: each message goes to the
/// <see cref="EmailOutbox"/>, and in Development the link is also written to the log so a person
/// running the portal can follow it. Outside Development links are never logged, because a reset link
/// is as good as the password.
/// </summary>
internal sealed class OutboxEmailSender(
    EmailOutbox outbox,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<OutboxEmailSender> logger) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email", "Confirm your AllexPortal account by opening this link:", confirmationLink);

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your password", "Reset your AllexPortal password by opening this link:", resetLink);

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your password", "Reset your AllexPortal password with this code:", resetCode);

    private Task SendAsync(string to, string subject, string text, string encodedLink)
    {
        // Identity's pages pass links HTML-encoded for an HTML body; this body is plain text.
        var link = WebUtility.HtmlDecode(encodedLink);
        outbox.Add(new OutboxMessage(to, subject, $"{text}\n{link}", link, clock.GetUtcNow()));
        if (environment.IsDevelopment())
        {
            logger.LogInformation("Email to {To}: {Subject}: {Link}", to, subject, link);
        }
        else
        {
            logger.LogWarning("Email to {To} ({Subject}) was not sent: no mail transport is configured.", to, subject);
        }

        return Task.CompletedTask;
    }
}
