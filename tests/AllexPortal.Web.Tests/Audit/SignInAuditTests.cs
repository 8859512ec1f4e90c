using System.Net;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Tests.Invitations;

namespace AllexPortal.Web.Tests.Audit;

/// <summary>Portal sign-ins, failed sign-ins and sign-outs reach the audit log with the client's address (real loopback HTTP).</summary>
public sealed class SignInAuditTests(TimedTeamsPortal portal) : IClassFixture<TimedTeamsPortal>
{
    [Fact]
    public async Task A_sign_in_is_recorded_with_the_clients_address()
    {
        var me = await portal.NewPersonAsync();
        using var client = portal.CreateListeningClient();

        using var response = await client.SignInAsync(me.Email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await portal.AuditOfAsync(AuditAction.SignedIn), e => e.ActorUserId == me.Id);
        Assert.Equal(me.Email, entry.ActorEmail);
        Assert.Equal("127.0.0.1", entry.IpAddress);
    }

    [Fact]
    public async Task A_wrong_password_is_recorded_against_the_account_and_no_password_is_kept()
    {
        var me = await portal.NewPersonAsync();
        using var client = portal.CreateListeningClient();

        using var response = await client.SignInAsync(me.Email, "Wrong-Horse-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await portal.AuditOfAsync(AuditAction.SignInFailed), e => e.ActorUserId == me.Id);
        Assert.Equal("127.0.0.1", entry.IpAddress);
        Assert.DoesNotContain("Wrong-Horse-8", $"{entry.Subject} {entry.Detail}", StringComparison.Ordinal);
        Assert.DoesNotContain(await portal.AuditOfAsync(AuditAction.SignedIn), e => e.ActorUserId == me.Id);
    }

    [Fact]
    public async Task A_sign_in_for_an_unknown_address_is_recorded_without_an_actor()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        using var client = portal.CreateListeningClient();

        using var response = await client.SignInAsync(unknown);

        var entry = Assert.Single(await portal.AuditOfAsync(AuditAction.SignInFailed), e => e.Subject == unknown);
        Assert.Null(entry.ActorUserId);
    }

    [Fact]
    public async Task A_sign_out_is_recorded()
    {
        var me = await portal.NewPersonAsync();
        using var client = portal.CreateListeningClient();
        using (await client.SignInAsync(me.Email))
        {
        }

        using var response = await client.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await portal.AuditOfAsync(AuditAction.SignedOut), e => e.ActorUserId == me.Id);
    }

    [Fact]
    public async Task Refreshing_the_sign_in_cookie_is_not_a_new_sign_in()
    {
        var me = await portal.NewPersonAsync();
        using var client = portal.CreateListeningClient();
        using (await client.SignInAsync(me.Email))
        {
        }

        using var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Infrastructure.PortalClient.StrongPassword,
            ["Input.NewPassword"] = "Another-Horse-9",
            ["Input.ConfirmPassword"] = "Another-Horse-9",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Single(await portal.AuditOfAsync(AuditAction.SignedIn), e => e.ActorUserId == me.Id);
    }
}
