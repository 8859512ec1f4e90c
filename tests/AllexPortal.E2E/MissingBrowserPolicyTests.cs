using AllexPortal.E2E.Infrastructure;

namespace AllexPortal.E2E;

public sealed class MissingBrowserPolicyTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("true", null)]
    [InlineData("true", "1")]
    [InlineData("TRUE", "1")]
    [InlineData(null, "0")]
    public void Missing_browser_fails_unless_explicitly_allowed_outside_CI(string? ci, string? allowMissing)
    {
        Assert.False(Chromium.MaySkipWithoutBrowser(ci, allowMissing));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void Missing_browser_may_skip_with_the_explicit_opt_out_outside_CI(string? ci)
    {
        Assert.True(Chromium.MaySkipWithoutBrowser(ci, "1"));
    }
}
