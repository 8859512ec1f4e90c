using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.ExchangeSignIn;

namespace AllexPortal.Web.ApiKeys;

/// <summary>
/// The exchange account's API keys, managed through the user's exchange session (<see cref="ExchangeSession"/>):
/// the exchange allows key management only to a signed-in session with 2FA on, and every change needs a 2FA code
/// and a code the exchange e-mails (<see cref="RequestEmailCodeAsync"/>). New secrets leave this service only
/// inside a <see cref="OneTimeSecret"/>; creates, changes and revocations are audited by name and masked key.
/// </summary>
public sealed partial class ApiKeyService(
    ExchangeSession session,
    AuditLog audit,
    ConnectionService connections,
    ILogger<ApiKeyService> logger)
{
    /// <summary>What the exchange gives every new key (Kit 2.17.4); anything else needs the update call.</summary>
    private static readonly ApiKeyPermissionsBody NewKeyPermissions = new(CanRead: true, CanTrade: false, CanWithdraw: false);

    /// <summary>The account's active keys, newest first.</summary>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange, or the session ended.</exception>
    /// <exception cref="ExchangeApiException">The exchange failed.</exception>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        Demand(userId);
        var list = await CallAsync(client => client.Security.GetApiKeysAsync(cancellationToken));
        return [.. list.Keys.Where(k => k.Active && !k.Revoked).OrderByDescending(k => k.Created).ThenByDescending(k => k.Id).Select(ApiKeySummary.From)];
    }

    /// <summary>Asks the exchange to e-mail the confirmation code that creating, changing and revoking keys need.</summary>
    public async Task RequestEmailCodeAsync(string userId, CancellationToken cancellationToken = default)
    {
        Demand(userId);
        await CallAsync(client => client.Security.RequestEmailConfirmationAsync(cancellationToken));
    }

    /// <summary>
    /// Creates a key as the exchange requires (read-only, with the 2FA and e-mail codes), then applies the chosen
    /// permissions and IP whitelist with the update call. Once the key exists this method does not throw: a failed
    /// second step is reported in <see cref="ApiKeyCreation.PermissionsProblem"/>, so the one-time secret is never lost.
    /// </summary>
    /// <exception cref="ApiKeyRefusedException">Invalid input, an unconfirmed withdrawal key, or the exchange refused the codes.</exception>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange, or the session ended.</exception>
    /// <exception cref="ExchangeApiException">The exchange failed before the key was created.</exception>
    public async Task<ApiKeyCreation> CreateAsync(
        string userId, ApiKeyDraft draft, string otpCode, string emailCode, CancellationToken cancellationToken = default)
    {
        Demand(userId);
        ArgumentNullException.ThrowIfNull(draft);
        var name = Valid(ApiKeyInput.ValidateName(draft.Name), ApiKeyInput.Trimmed(draft.Name));
        var whitelist = ApiKeyInput.ParseWhitelist(draft.WhitelistedIps);
        var permissions = new ApiKeyPermissionsBody(draft.CanRead, draft.CanTrade, draft.CanWithdraw);
        RefuseUnconfirmedWithdrawal(permissions, draft.WithdrawalConfirmed);
        var otp = Valid(ApiKeyInput.ValidateOtpCode(otpCode), ApiKeyInput.Digits(otpCode));
        var email = Valid(ApiKeyInput.ValidateEmailCode(emailCode), ApiKeyInput.Digits(emailCode));

        var created = await CallAsync(client => client.Security.CreateApiKeyAsync(
            new CreateApiKeyRequest { Name = name, OtpCode = otp, EmailCode = email }, cancellationToken));
        var secret = new OneTimeSecret(created.Credentials);
        var key = ApiKeySummary.From(created.Key) with { MaskedKey = secret.MaskedKey, Name = name };
        LogCreated(created.Key.Id, secret.MaskedKey);
        await audit.RecordAsync(userId, AuditAction.ApiKeyCreated, subject: Subject(key), detail: "created read-only", cancellationToken: cancellationToken);

        if (permissions == NewKeyPermissions && whitelist.Count == 0)
        {
            return new ApiKeyCreation(key, secret, PermissionsApplied: true, PermissionsProblem: null);
        }

        try
        {
            var updated = await ApplyAsync(userId, created.Key.Id, key.Name, permissions, whitelist, otp, email, cancellationToken);
            return new ApiKeyCreation(updated with { MaskedKey = secret.MaskedKey }, secret, PermissionsApplied: true, PermissionsProblem: null);
        }
        catch (Exception e) when (e is ExchangeApiException or ApiKeyRefusedException or ExchangeSignInRequiredException)
        {
            LogPermissionsFailed(created.Key.Id, secret.MaskedKey, e.GetType().Name);
            var problem = "The key was created, but setting its permissions and IP whitelist failed, so it is read-only for now" +
                (whitelist.Count > 0 ? " and accepts calls from any address" : "") +
                $". {e.Message} Change them on the key list with new codes, or revoke the key.";
            return new ApiKeyCreation(key, secret, PermissionsApplied: false, PermissionsProblem: problem);
        }
    }

    /// <summary>Sets a key's permissions and IP whitelist (an empty whitelist turns whitelisting off).</summary>
    /// <exception cref="ApiKeyRefusedException">Invalid input, an unconfirmed withdrawal key, or the exchange refused the codes.</exception>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange, or the session ended.</exception>
    /// <exception cref="ExchangeApiException">The exchange failed.</exception>
    public async Task<ApiKeySummary> UpdateAsync(
        string userId, long keyId, ApiKeyDraft draft, string otpCode, string emailCode, CancellationToken cancellationToken = default)
    {
        Demand(userId);
        ArgumentNullException.ThrowIfNull(draft);
        var whitelist = ApiKeyInput.ParseWhitelist(draft.WhitelistedIps);
        var permissions = new ApiKeyPermissionsBody(draft.CanRead, draft.CanTrade, draft.CanWithdraw);
        RefuseUnconfirmedWithdrawal(permissions, draft.WithdrawalConfirmed);
        var otp = Valid(ApiKeyInput.ValidateOtpCode(otpCode), ApiKeyInput.Digits(otpCode));
        var email = Valid(ApiKeyInput.ValidateEmailCode(emailCode), ApiKeyInput.Digits(emailCode));
        return await ApplyAsync(userId, keyId, draft.Name, permissions, whitelist, otp, email, cancellationToken);
    }

    /// <summary>Revokes a key for good; calls signed with it fail from now on.</summary>
    /// <exception cref="ApiKeyRefusedException">Invalid codes, or the exchange refused them.</exception>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange, or the session ended.</exception>
    /// <exception cref="ExchangeApiException">The exchange failed or has no such key.</exception>
    public async Task RevokeAsync(string userId, long keyId, string otpCode, string emailCode, CancellationToken cancellationToken = default)
    {
        Demand(userId);
        var otp = Valid(ApiKeyInput.ValidateOtpCode(otpCode), ApiKeyInput.Digits(otpCode));
        var email = Valid(ApiKeyInput.ValidateEmailCode(emailCode), ApiKeyInput.Digits(emailCode));
        var known = (await ListAsync(userId, cancellationToken)).FirstOrDefault(k => k.Id == keyId);
        await CallAsync(client => client.Security.RevokeApiKeyAsync(new RevokeApiKeyRequest(keyId, otp, email), cancellationToken));
        LogRevoked(keyId, known?.MaskedKey ?? "?");
        await audit.RecordAsync(
            userId, AuditAction.ApiKeyRevoked, subject: known is null ? $"key #{keyId}" : Subject(known), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Saves a new key straight into an encrypted portal connection to the portal's exchange (checked like any key
    /// added on the connections page). The secret stays available, so the user may still copy it afterwards.
    /// </summary>
    /// <exception cref="ConnectionRefusedException">Invalid label, a key that cannot read, or an unconfirmed withdrawal key.</exception>
    /// <exception cref="InvalidOperationException">The secret was already discarded.</exception>
    public async Task<ConnectionSummary> SaveAsConnectionAsync(
        string userId, OneTimeSecret secret, string? label, bool withdrawalConfirmed = false, CancellationToken cancellationToken = default)
    {
        Demand(userId);
        ArgumentNullException.ThrowIfNull(secret);
        var credentials = secret.Reveal();
        return await connections.AddAsync(
            userId, label, connections.DefaultBaseUrl.AbsoluteUri, credentials.ApiKey, credentials.ApiSecret, withdrawalConfirmed, cancellationToken);
    }

    private async Task<ApiKeySummary> ApplyAsync(
        string userId, long keyId, string? name, ApiKeyPermissionsBody permissions, IReadOnlyList<string> whitelist,
        string otp, string email, CancellationToken cancellationToken)
    {
        var updated = await CallAsync(client => client.Security.UpdateApiKeyAsync(new UpdateApiKeyRequest
        {
            TokenId = keyId,
            OtpCode = otp,
            EmailCode = email,
            Permissions = permissions,
            WhitelistedIps = whitelist,
            WhitelistingEnabled = whitelist.Count > 0,
        }, cancellationToken));
        var summary = ApiKeySummary.From(updated);
        if (summary.Name.Length == 0 && name is not null)
        {
            summary = summary with { Name = name };
        }

        LogPermissionsChanged(keyId, summary.MaskedKey);
        await audit.RecordAsync(userId, AuditAction.ApiKeyPermissionsChanged, subject: Subject(summary), detail: Describe(permissions, whitelist), cancellationToken: cancellationToken);
        return summary;
    }

    /// <summary>Calls the exchange with this circuit's session and turns its refusals into messages for the form.</summary>
    private async Task<T> CallAsync<T>(Func<AllexSessionClient, Task<T>> call)
    {
        var client = session.Client();
        try
        {
            return await call(client);
        }
        catch (ExchangeApiException e) when (e.Kind == ExchangeErrorKind.CredentialsRejected)
        {
            throw session.Rejected();
        }
        catch (ExchangeApiException e) when (e.Kind == ExchangeErrorKind.Rejected && e.ExchangeMessage is { } said)
        {
            throw new ApiKeyRefusedException(Explain(said), e);
        }
    }

    private static string Explain(string said) =>
        said.Contains("enable OTP", StringComparison.OrdinalIgnoreCase)
            ? "Turn on two-factor authentication for your ALLEX account first (\"Enable 2FA\")."
            : said.Contains("OTP", StringComparison.OrdinalIgnoreCase)
                ? "ALLEX did not accept the 2FA code. Enter the current 6-digit code from your authenticator app."
                : said.Contains("email code", StringComparison.OrdinalIgnoreCase)
                    ? "ALLEX did not accept the e-mail code. Use the latest code, or send a new one (codes expire after a few minutes)."
                    : $"ALLEX refused the request: \"{said}\".";

    private static void Demand(string userId)
    {
        // Until workspaces exist every user manages only their own exchange account's keys (personal workspace).
        ArgumentException.ThrowIfNullOrEmpty(userId);
    }

    private static void RefuseUnconfirmedWithdrawal(ApiKeyPermissionsBody permissions, bool confirmed)
    {
        if (permissions.CanWithdraw && !confirmed)
        {
            throw new ApiKeyRefusedException("A key that can withdraw can move funds off the exchange. Confirm that you want it, or leave withdraw off.");
        }

        if (!permissions.CanRead && !permissions.CanTrade && !permissions.CanWithdraw)
        {
            throw new ApiKeyRefusedException("Choose at least one permission (read is enough for the dashboard).");
        }
    }

    private static string Valid(string? error, string value) => error is null ? value : throw new ApiKeyRefusedException(error);

    private static string Subject(ApiKeySummary key) => $"{key.Name} ({key.MaskedKey})";

    private static string Describe(ApiKeyPermissionsBody permissions, IReadOnlyList<string> whitelist)
    {
        var can = new List<string>();
        if (permissions.CanRead)
        {
            can.Add("read");
        }

        if (permissions.CanTrade)
        {
            can.Add("trade");
        }

        if (permissions.CanWithdraw)
        {
            can.Add("withdraw");
        }

        return $"permissions: {string.Join(", ", can)}; IP whitelist: {(whitelist.Count == 0 ? "off" : string.Join(", ", whitelist))}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange API key {KeyId} ({MaskedKey}) created")]
    private partial void LogCreated(long keyId, string maskedKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange API key {KeyId} ({MaskedKey}) permissions changed")]
    private partial void LogPermissionsChanged(long keyId, string maskedKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exchange API key {KeyId} ({MaskedKey}) was created but its permissions could not be set ({Error})")]
    private partial void LogPermissionsFailed(long keyId, string maskedKey, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange API key {KeyId} ({MaskedKey}) revoked")]
    private partial void LogRevoked(long keyId, string maskedKey);
}
