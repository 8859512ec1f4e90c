using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Integration.Tests.Infrastructure;
using AllexPortal.Sandbox;

namespace AllexPortal.Integration.Tests.Account;

/// <summary>A sandbox at the root path with balance history and profit-and-loss switched off.</summary>
public sealed class SwitchedOffFeatureTests(SwitchedOffFeatureTests.FeaturesOffSandbox sandbox) : IClassFixture<SwitchedOffFeatureTests.FeaturesOffSandbox>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Balance_history_is_reported_as_not_offered()
    {
        var history = await sandbox.DemoKey.User.TryGetBalanceHistoryAsync(cancellationToken: Ct);

        Assert.False(history.IsOffered);
        Assert.Equal("Feature is not active", history.NotOfferedReason);
    }

    [Fact]
    public async Task Profit_and_loss_is_reported_as_not_offered()
    {
        var pnl = await sandbox.DemoKey.User.TryGetProfitAndLossAsync(30, Ct);

        Assert.False(pnl.IsOffered);
        Assert.Equal("Feature is not active", pnl.NotOfferedReason);
    }

    [Fact]
    public async Task The_direct_call_fails_with_a_refusal_the_client_recognises_as_feature_off()
    {
        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.DemoKey.User.GetBalanceHistoryAsync(cancellationToken: Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.True(failure.IsFeatureNotOffered);
    }

    /// <summary>Mounted at the root (the standalone layout), so both mounts are covered by this suite.</summary>
    public sealed class FeaturesOffSandbox : SandboxFixture
    {
        protected override string PathPrefix => "";

        protected override void Configure(SandboxOptions options)
        {
            options.EnableBalanceHistory = false;
            options.EnableProfitAndLoss = false;
        }
    }
}
