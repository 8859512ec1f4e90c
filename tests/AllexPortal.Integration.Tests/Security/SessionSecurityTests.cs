using AllexPortal.Exchange;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Integration.Tests.Infrastructure;

namespace AllexPortal.Integration.Tests.Security;

/// <summary>
/// The bearer-only endpoints with a session from <c>POST /login</c> (password plus a TOTP code computed with
/// Otp.NET from the demo secret), and the API-key withdrawal with a key those endpoints created.
/// </summary>
public sealed class SessionSecurityTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string BtcAddress = "bc1qintegrationtestaddress0000000000000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Email => sandbox.Demo.Email;

    [Fact]
    public async Task A_session_from_login_with_otp_is_valid_and_reads_the_demo_account()
    {
        var session = await sandbox.LoginDemoAsync(Ct);

        var verified = await session.Security.VerifyTokenAsync(Ct);
        var balance = await session.User.GetBalanceAsync(Ct);

        Assert.Equal("Valid Token", verified.Message);
        Assert.Equal(sandbox.Exchange.BalancesOf(Email).Single(b => b.Coin == "btc").Balance, balance["btc"].Total);
    }

    [Fact]
    public async Task After_logout_the_session_is_refused_as_bad_credentials()
    {
        var session = await sandbox.LoginDemoAsync(Ct);

        var loggedOut = await session.Security.LogoutAsync(Ct);
        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => session.Security.VerifyTokenAsync(Ct));

        Assert.Equal("Success", loggedOut.Message);
        Assert.Equal(ExchangeErrorKind.CredentialsRejected, failure.Kind);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
    }

    [Fact]
    public async Task A_new_account_signs_up_then_turns_2fa_on_and_off_with_the_requested_secret()
    {
        var email = $"otp-{Guid.NewGuid():N}@example.com";
        var signedUp = await sandbox.Public.SignupAsync(new SignupRequest { Email = email, Password = "Passw0rd!long" }, Ct);
        var login = await sandbox.Public.LoginAsync(new LoginRequest { Email = email, Password = "Passw0rd!long" }, Ct);
        var session = sandbox.Clients.Factory.ForSession(sandbox.BaseUrl, new SessionToken(login.Token));

        var secret = await session.Security.RequestOtpAsync(Ct);
        var activated = await session.Security.ActivateOtpAsync(new OtpCodeRequest(sandbox.CurrentOtp(secret.Secret)), Ct);
        var withOtp = await session.User.GetProfileAsync(Ct);
        var deactivated = await session.Security.DeactivateOtpAsync(new OtpCodeRequest(sandbox.CurrentOtp(secret.Secret)), Ct);
        var withoutOtp = await session.User.GetProfileAsync(Ct);

        Assert.Equal("User successfully registered", signedUp.Message);
        Assert.False(string.IsNullOrEmpty(secret.Secret));
        Assert.Equal(("OTP enabled", true), (activated.Message, withOtp.OtpEnabled));
        Assert.Equal(("OTP disabled", false), (deactivated.Message, withoutOtp.OtpEnabled));
        Assert.Equal(100_000m, (await session.User.GetBalanceAsync(Ct))["usdt"].Available);
    }

    [Fact]
    public async Task Requesting_otp_for_an_account_with_2fa_on_is_refused()
    {
        var session = await sandbox.LoginDemoAsync(Ct);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => session.Security.RequestOtpAsync(Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal("OTP is already enabled", failure.ExchangeMessage);
    }

    [Fact]
    public async Task The_email_code_is_the_one_the_sandbox_sent()
    {
        var session = await sandbox.LoginDemoAsync(Ct);

        var code = await sandbox.EmailCodeAsync(session, Ct);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(sandbox.Exchange.EmailCodeOf(Email), code);
    }

    [Fact]
    public async Task A_created_key_is_listed_updated_used_and_revoked()
    {
        var session = await sandbox.LoginDemoAsync(Ct);

        var (created, updated) = await sandbox.CreateKeyAsync(session, "integration-bot", new ApiKeyPermissionsBody(CanRead: true, CanTrade: true, CanWithdraw: false), ["127.0.0.1"], Ct);
        var listed = (await session.Security.GetApiKeysAsync(Ct)).Keys.Single(k => k.Id == created.Key.Id);
        var profile = await sandbox.ForKey(created.Credentials).User.GetProfileAsync(Ct);
        var revoked = await session.Security.RevokeApiKeyAsync(
            new RevokeApiKeyRequest(created.Key.Id, sandbox.DemoOtp(), await sandbox.EmailCodeAsync(session, Ct)), Ct);
        var afterRevoke = await session.Security.GetApiKeysAsync(Ct);
        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.ForKey(created.Credentials).User.GetProfileAsync(Ct));

        Assert.Equal(new ApiKeyPermissions(CanRead: true, CanTrade: false, CanWithdraw: false), created.Key.Permissions);
        Assert.Equal(new ApiKeyPermissions(CanRead: true, CanTrade: true, CanWithdraw: false), updated.Permissions);
        Assert.Equal(("integration-bot", created.Credentials.ApiKey, true), (listed.Name, listed.ApiKey, listed.WhitelistingEnabled));
        Assert.Equal(["127.0.0.1"], listed.WhitelistedIps);
        Assert.Equal(updated.Permissions, listed.Permissions);
        Assert.Equal(Email, profile.Email);
        Assert.Equal("Token is successfully revoked", revoked.Message);
        Assert.DoesNotContain(afterRevoke.Keys, k => k.Id == created.Key.Id);
        Assert.Equal(ExchangeErrorKind.CredentialsRejected, refused.Kind);
    }

    [Fact]
    public async Task Creating_a_deposit_address_returns_the_demo_wallets_address()
    {
        var session = await sandbox.LoginDemoAsync(Ct);
        var wallet = (await session.User.GetProfileAsync(Ct)).Wallet.Single(w => w.Currency == "btc");

        var address = await session.Security.CreateDepositAddressAsync("btc", cancellationToken: Ct);

        Assert.Equal(("btc", "btc", wallet.Address), (address.Crypto, address.Network, address.Address));
    }

    [Fact]
    public async Task A_withdrawal_request_with_otp_debits_the_amount_and_fee()
    {
        var session = await sandbox.LoginDemoAsync(Ct);
        var before = sandbox.Exchange.WithdrawalsOf(Email).Count;

        var answer = await session.Security.RequestWithdrawalAsync(
            new WithdrawalRequest { Currency = "btc", Amount = 0.01m, Address = BtcAddress, OtpCode = sandbox.DemoOtp() }, Ct);

        var withdrawals = sandbox.Exchange.WithdrawalsOf(Email);
        var listed = await session.User.GetWithdrawalsAsync("btc", transactionId: withdrawals[^1].TransactionId, cancellationToken: Ct);
        Assert.Equal("Success", answer.Message);
        Assert.Equal(before + 1, withdrawals.Count);
        Assert.Equal((0.01m, 0.0002m, BtcAddress), (listed.Data[0].Amount, listed.Data[0].Fee!.Value, listed.Data[0].Address!));
    }

    [Fact]
    public async Task A_withdrawal_request_without_otp_is_refused_for_an_account_with_2fa()
    {
        var session = await sandbox.LoginDemoAsync(Ct);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => session.Security.RequestWithdrawalAsync(
            new WithdrawalRequest { Currency = "btc", Amount = 0.01m, Address = BtcAddress }, Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal("Invalid OTP Code", failure.ExchangeMessage);
    }

    [Fact]
    public async Task Cancelling_a_completed_withdrawal_is_refused_as_already_processed()
    {
        var session = await sandbox.LoginDemoAsync(Ct);
        var completed = sandbox.Exchange.WithdrawalsOf(Email)[0];

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => session.Security.CancelWithdrawalAsync(completed.Id, Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal("Withdrawal is already processed", failure.ExchangeMessage);
    }

    [Fact]
    public async Task Confirming_a_withdrawal_with_a_token_nobody_was_emailed_is_refused_and_moves_nothing()
    {
        var withdrawalsBefore = sandbox.Exchange.WithdrawalsOf(Email).Count;
        var balancesBefore = sandbox.Exchange.BalancesOf(Email);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.Public.ConfirmWithdrawalAsync(new ConfirmWithdrawalRequest("guessed-token"), Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal("Invalid token", failure.ExchangeMessage);
        Assert.Equal(withdrawalsBefore, sandbox.Exchange.WithdrawalsOf(Email).Count);
        Assert.Equal(balancesBefore, sandbox.Exchange.BalancesOf(Email));
    }

    [Fact]
    public async Task A_key_with_withdraw_permission_withdraws_without_an_email_step()
    {
        var session = await sandbox.LoginDemoAsync(Ct);
        var (created, _) = await sandbox.CreateKeyAsync(session, "withdraw-bot", new ApiKeyPermissionsBody(CanRead: true, CanTrade: false, CanWithdraw: true), null, Ct);
        AllexApiKeyClient key = sandbox.ForKey(created.Credentials);
        var before = (await key.User.GetBalanceAsync(Ct))["usdt"].Available;

        var result = await key.Withdrawals.WithdrawAsync(new DirectWithdrawalRequest { Currency = "usdt", Amount = 25m, Address = "TIntegrationTestAddress", Network = "trx" }, Ct);
        var after = (await key.User.GetBalanceAsync(Ct))["usdt"].Available;

        Assert.Equal((25m, "usdt", 1m), (result.Amount, result.Currency, result.Fee!.Value));
        Assert.Equal(sandbox.Exchange.WithdrawalsOf(Email).Single(w => w.Id == result.Id).TransactionId, result.TransactionId);
        Assert.Equal(before - 26m, after);
    }
}
