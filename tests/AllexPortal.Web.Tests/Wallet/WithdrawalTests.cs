using AllexPortal.Web.Audit;
using AllexPortal.Web.Tests.Trading;
using AllexPortal.Web.Wallet;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Wallet;

/// <summary>Withdrawals through the exchange sign-in against the embedded sandbox, which e-mails a confirmation code.</summary>
public sealed class WithdrawalTests(TradingPortal portal) : IClassFixture<TradingPortal>, IAsyncDisposable
{
    private const string Address = "0x9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private WithdrawalDesk Desk => scope.ServiceProvider.GetRequiredService<WithdrawalDesk>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fee_is_read_from_the_exchanges_constants_for_the_network()
    {
        var cost = await Desk.CostAsync(portal.ExchangeUrl, "btc", "btc", Ct);

        Assert.Equal((0.0002m, "btc"), (cost!.Fee, cost.FeeCoin));
    }

    [Fact]
    public async Task A_withdrawal_without_the_2fa_code_is_refused_by_the_exchange_and_nothing_moves()
    {
        var userId = await portal.NewUserAsync();
        var session = await portal.DemoSessionAsync();
        var withdrawals = portal.Sandbox.WithdrawalsOf(portal.DemoEmail).Count;

        var result = await Desk.RequestAsync(userId, session, portal.ExchangeUrl, Ticket(otp: null), Ct);

        Assert.Equal(WithdrawalOutcome.Rejected, result.Outcome);
        Assert.Contains("2FA code is missing or wrong", result.Message, StringComparison.Ordinal);
        Assert.Equal(withdrawals, portal.Sandbox.WithdrawalsOf(portal.DemoEmail).Count);
    }

    [Fact]
    public async Task A_withdrawal_with_the_2fa_code_waits_for_the_emailed_code_and_is_sent_once_confirmed()
    {
        var userId = await portal.NewUserAsync();
        var session = await portal.DemoSessionAsync();
        var withdrawals = portal.Sandbox.WithdrawalsOf(portal.DemoEmail).Count;

        var requested = await Desk.RequestAsync(userId, session, portal.ExchangeUrl, Ticket(portal.DemoOtp()), Ct);
        var waiting = portal.Sandbox.WithdrawalsOf(portal.DemoEmail).Count;
        var confirmed = await Desk.ConfirmAsync(userId, session, portal.Sandbox.EmailCodeOf(portal.DemoEmail), Ct);

        Assert.Equal(WithdrawalOutcome.AwaitingEmailConfirmation, requested.Outcome);
        Assert.Equal(withdrawals, waiting);
        Assert.Equal(WithdrawalOutcome.Confirmed, confirmed.Outcome);
        var sent = portal.Sandbox.WithdrawalsOf(portal.DemoEmail)[^1];
        Assert.Equal((12m, Address, sent.TransactionId), (sent.Amount, sent.Address, confirmed.TransactionId));
    }

    [Fact]
    public async Task The_portal_never_uses_the_api_key_withdrawal_endpoint()
    {
        var userId = await portal.NewUserAsync();
        var session = await portal.DemoSessionAsync();

        await Desk.RequestAsync(userId, session, portal.ExchangeUrl, Ticket(portal.DemoOtp()), Ct);
        await Desk.ConfirmAsync(userId, session, portal.Sandbox.EmailCodeOf(portal.DemoEmail), Ct);

        Assert.True(portal.Sandbox.RequestsTo("POST", "/v2/user/request-withdrawal") > 0);
        Assert.Equal(0, portal.Sandbox.RequestsTo("POST", "/v2/user/withdrawal"));
        Assert.DoesNotContain(typeof(WithdrawalDesk).Assembly.GetTypes(), t => t.GetConstructors()
            .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(AllexPortal.Exchange.Account.IAllexWithdrawalApi))));
    }

    [Fact]
    public async Task A_request_is_audited_without_the_2fa_code()
    {
        var userId = await portal.NewUserAsync();
        var session = await portal.DemoSessionAsync();
        var otp = portal.DemoOtp();

        await Desk.RequestAsync(userId, session, portal.ExchangeUrl, Ticket(otp), Ct);

        var entry = Assert.Single(await portal.AuditOfAsync(userId), e => e.Action == AuditAction.WithdrawalRequested);
        Assert.Equal("usdt", entry.Subject);
        Assert.Contains($"12 usdt on eth to {Address}", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(otp, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_form_is_refused_before_anything_is_sent()
    {
        var userId = await portal.NewUserAsync();
        var session = await portal.DemoSessionAsync();
        var ticket = Ticket(portal.DemoOtp());
        ticket.Confirmation = "11";
        var sent = portal.Sandbox.RequestsTo("POST", "/v2/user/request-withdrawal");

        var refused = await Assert.ThrowsAsync<WithdrawalInvalidException>(() => Desk.RequestAsync(userId, session, portal.ExchangeUrl, ticket, Ct));

        Assert.Equal("Type the amount or the address again to confirm.", refused.Errors[WithdrawalField.Confirmation]);
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", "/v2/user/request-withdrawal"));
    }

    private static WithdrawalTicket Ticket(string? otp) => new()
    {
        Coin = "usdt",
        Network = "eth",
        Amount = 12m,
        Address = Address,
        OtpCode = otp,
        Confirmation = "12",
    };

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
