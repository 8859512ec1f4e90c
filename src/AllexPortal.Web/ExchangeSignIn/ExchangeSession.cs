using System.Security.Claims;
using System.Text.Json;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.Components.Authorization;

namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>
/// The user's signed-in session on the exchange for one Blazor circuit: what key management, 2FA set-up, deposit
/// addresses and withdrawals need, since the exchange allows them only to a bearer JWT, never to an API key.
/// </summary>
/// <remarks>
/// The JWT lives only in this object's memory. It is never written to the database, a cookie, the browser, a log,
/// an exception or <see cref="ToString"/>, and it is forgotten on <see cref="SignOut"/>, at its expiry (a timer
/// raises <see cref="Changed"/>) and when the circuit ends (<see cref="Dispose"/>). Registered scoped, so each
/// circuit (each browser tab) has its own and nothing is shared between users.
/// </remarks>
public sealed partial class ExchangeSession(
    IAllexClientFactory clients,
    PortalExchangeEndpoint endpoint,
    AuditLog audit,
    AuthenticationStateProvider authentication,
    TimeProvider time,
    ILogger<ExchangeSession> logger) : IDisposable
{
    /// <summary>A JWT that cannot be read for its expiry is kept no longer than this.</summary>
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private SessionToken? token;
    private ITimer? expiryTimer;
    private bool disposed;

    /// <summary>Raised after sign-in, sign-out and expiry, possibly on a timer thread (components use <c>InvokeAsync</c>).</summary>
    public event Action? Changed;

    /// <summary>True while a session is held and has not expired.</summary>
    public bool IsSignedIn
    {
        get
        {
            lock (gate)
            {
                return token is not null && ExpiresAt > time.GetUtcNow();
            }
        }
    }

    /// <summary>The exchange account's e-mail while signed in.</summary>
    public string? Email { get; private set; }

    /// <summary>When the exchange's token expires, read from its <c>exp</c> claim.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>
    /// Logs in to the exchange (with <paramref name="otpCode"/> when the account has 2FA), checks the token with
    /// <c>verify-token</c> and keeps it for this circuit. Never throws for the exchange's refusals: each has its
    /// own outcome and user-worded message.
    /// </summary>
    public async Task<ExchangeSignInResult> SignInAsync(string email, string password, string? otpCode, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var address = email?.Trim() ?? "";
        if (address.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new ExchangeSignInResult(ExchangeSignInOutcome.WrongCredentials, "Enter the e-mail address and password of your ALLEX account.");
        }

        var code = string.IsNullOrWhiteSpace(otpCode) ? null : otpCode.Replace(" ", "", StringComparison.Ordinal).Trim();
        var baseUrl = endpoint.BaseUrl;
        SessionToken session;
        try
        {
            var login = await clients.ForPublic(baseUrl).LoginAsync(
                new LoginRequest { Email = address, Password = password, OtpCode = code }, cancellationToken);
            session = new SessionToken(login.Token);
            await clients.ForSession(baseUrl, session).Security.VerifyTokenAsync(cancellationToken);
        }
        catch (ExchangeApiException failure)
        {
            var result = Classify(failure, code is not null);
            LogSignInFailed(address, result.Outcome, failure.Kind, failure.StatusCode is { } status ? (int)status : null);
            return result;
        }
        catch (ArgumentException)
        {
            LogSignInFailed(address, ExchangeSignInOutcome.Refused, ExchangeErrorKind.MalformedResponse, null);
            return new ExchangeSignInResult(ExchangeSignInOutcome.Refused, "The exchange answered the sign-in without a session. Try again later.");
        }

        var expires = ExpiryOf(session) ?? time.GetUtcNow().Add(FallbackLifetime);
        Keep(session, address, expires);
        LogSignedIn(address, expires);
        await audit.RecordAsync(await ActorAsync(), AuditAction.ExchangeSignedIn, subject: address, detail: baseUrl.Host, cancellationToken: cancellationToken);
        Changed?.Invoke();
        return new ExchangeSignInResult(ExchangeSignInOutcome.SignedIn, $"Signed in to ALLEX as {address}.");
    }

    /// <summary>A client that sends this circuit's session; create one per use.</summary>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in, or the session has expired.</exception>
    public AllexSessionClient Client()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        SessionToken? current;
        bool expired;
        lock (gate)
        {
            current = token;
            expired = current is not null && ExpiresAt <= time.GetUtcNow();
        }

        if (expired)
        {
            Forget();
            throw new ExchangeSignInRequiredException("Your ALLEX session has expired. Sign in to ALLEX again.");
        }

        return current is null
            ? throw new ExchangeSignInRequiredException()
            : clients.ForSession(endpoint.BaseUrl, current);
    }

    /// <summary>Forgets the session now and asks the exchange, without waiting, to end it too.</summary>
    public void SignOut()
    {
        var ended = Forget();
        if (ended is not null)
        {
            _ = EndOnExchangeAsync(ended);
        }
    }

    /// <summary>
    /// Called by services when the exchange refused this session's token (401): it was ended elsewhere or has
    /// expired, so it is forgotten and the user is asked to sign in again.
    /// </summary>
    public ExchangeSignInRequiredException Rejected()
    {
        Forget();
        return new ExchangeSignInRequiredException("ALLEX ended your session. Sign in to ALLEX again.");
    }

    /// <summary>The circuit ended: the token is dropped from memory (the exchange is told, without waiting).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        var ended = Forget(raise: false);
        disposed = true;
        if (ended is not null)
        {
            _ = EndOnExchangeAsync(ended);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ExchangeSession {{ Email = {Email ?? "none"}, SignedIn = {IsSignedIn} }}";

    private void Keep(SessionToken session, string email, DateTimeOffset expires)
    {
        SessionToken? previous;
        lock (gate)
        {
            previous = token;
            token = session;
            Email = email;
            ExpiresAt = expires;
            expiryTimer?.Dispose();
            var due = expires - time.GetUtcNow();
            expiryTimer = time.CreateTimer(_ => OnExpired(session), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        if (previous is not null)
        {
            _ = EndOnExchangeAsync(previous);
        }
    }

    private void OnExpired(SessionToken expired)
    {
        lock (gate)
        {
            if (!ReferenceEquals(token, expired))
            {
                return;
            }
        }

        LogExpired(Email ?? "");
        Forget();
    }

    /// <summary>Drops the token and returns it, so the caller can end it on the exchange.</summary>
    private SessionToken? Forget(bool raise = true)
    {
        SessionToken? dropped;
        lock (gate)
        {
            dropped = token;
            token = null;
            Email = null;
            ExpiresAt = null;
            expiryTimer?.Dispose();
            expiryTimer = null;
        }

        if (dropped is not null && raise)
        {
            Changed?.Invoke();
        }

        return dropped;
    }

    /// <summary>Best effort: a session the exchange still honours after the portal forgot it is of no use to
    /// anyone, but ending it leaves nothing behind should the token have leaked.</summary>
    private async Task EndOnExchangeAsync(SessionToken ended)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await clients.ForSession(endpoint.BaseUrl, ended).Security.LogoutAsync(timeout.Token);
        }
        catch (Exception e) when (e is ExchangeApiException or OperationCanceledException or InvalidOperationException or HttpRequestException)
        {
            LogLogoutFailed(e.GetType().Name);
        }
    }

    private async Task<string?> ActorAsync()
    {
        try
        {
            var state = await authentication.GetAuthenticationStateAsync();
            return state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ExchangeSignInResult Classify(ExchangeApiException failure, bool codeEntered)
    {
        var said = failure.ExchangeMessage ?? "";
        bool Says(string text) => said.Contains(text, StringComparison.OrdinalIgnoreCase);

        switch (failure.Kind)
        {
            case ExchangeErrorKind.RateLimited:
                var wait = failure.RetryAfter ?? TimeSpan.FromMinutes(2);
                return new ExchangeSignInResult(
                    ExchangeSignInOutcome.RateLimited,
                    $"ALLEX is refusing sign-ins from this server for a while after too many attempts. Try again in {Describe(wait)}.",
                    wait);
            case ExchangeErrorKind.Unreachable or ExchangeErrorKind.Timeout or ExchangeErrorKind.Unavailable
                or ExchangeErrorKind.ServerError or ExchangeErrorKind.MalformedResponse:
                return new ExchangeSignInResult(
                    ExchangeSignInOutcome.ExchangeUnreachable,
                    "ALLEX could not be reached or did not answer properly. Nothing was changed; try again in a few minutes.");
        }

        if (Says("otp") || Says("2fa") || Says("two-factor"))
        {
            return codeEntered
                ? new ExchangeSignInResult(ExchangeSignInOutcome.WrongOtp, "That 2FA code was not accepted. Enter the current 6-digit code from your authenticator app.")
                : new ExchangeSignInResult(ExchangeSignInOutcome.OtpRequired, "This account has two-factor authentication on. Enter the 6-digit code from your authenticator app.");
        }

        if (failure.Kind == ExchangeErrorKind.PermissionDenied || Says("deactivat") || Says("locked") || Says("blocked")
            || Says("frozen") || Says("suspend") || Says("banned") || Says("not activated"))
        {
            return new ExchangeSignInResult(
                ExchangeSignInOutcome.AccountLocked,
                "ALLEX has locked or deactivated this account, so it cannot sign in. Contact ALLEX support to unlock it.");
        }

        if (Says("credential") || Says("password") || Says("not found") || Says("incorrect") || Says("invalid email")
            || failure.Kind == ExchangeErrorKind.CredentialsRejected)
        {
            return new ExchangeSignInResult(ExchangeSignInOutcome.WrongCredentials, "ALLEX did not accept that e-mail address and password. Check them and try again.");
        }

        var exchangeSaid = failure.ExchangeMessage is null ? "" : $" ALLEX said: \"{failure.ExchangeMessage}\".";
        return new ExchangeSignInResult(ExchangeSignInOutcome.Refused, $"ALLEX refused the sign-in.{exchangeSaid}");
    }

    private static string Describe(TimeSpan wait) =>
        wait >= TimeSpan.FromMinutes(1) ? $"{Math.Ceiling(wait.TotalMinutes):0} minute(s)" : $"{Math.Max(1, Math.Ceiling(wait.TotalSeconds)):0} second(s)";

    /// <summary>The <c>exp</c> claim of the JWT, read without checking its signature (the exchange checks it).</summary>
    private static DateTimeOffset? ExpiryOf(SessionToken session)
    {
        var parts = session.Value.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            return json.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange sign-in of {Email}, session valid until {ExpiresAt}")]
    private partial void LogSignedIn(string email, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange sign-in of {Email} failed: {Outcome} ({Kind}, HTTP {Status})")]
    private partial void LogSignInFailed(string email, ExchangeSignInOutcome outcome, ExchangeErrorKind kind, int? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange session of {Email} expired and was forgotten")]
    private partial void LogExpired(string email);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ending a forgotten exchange session on the exchange failed ({Error})")]
    private partial void LogLogoutFailed(string error);
}
