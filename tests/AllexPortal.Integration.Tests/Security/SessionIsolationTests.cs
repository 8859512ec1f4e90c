using AllexPortal.Integration.Tests.Infrastructure;

namespace AllexPortal.Integration.Tests.Security;

/// <summary>
/// Two logins of one user within the same second (here: on a frozen clock) are separate sessions: ending one
/// must not end the other. The portal signs many users into the embedded demo at once.
/// </summary>
public sealed class SessionIsolationTests(FrozenClockSandboxFixture sandbox) : IClassFixture<FrozenClockSandboxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logging_out_one_session_leaves_another_session_of_the_same_user_valid()
    {
        var first = await sandbox.LoginDemoAsync(Ct);
        var second = await sandbox.LoginDemoAsync(Ct);

        await first.Security.LogoutAsync(Ct);
        var verified = await second.Security.VerifyTokenAsync(Ct);

        Assert.Equal("Valid Token", verified.Message);
    }
}
