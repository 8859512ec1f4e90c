using Refit;

namespace AllexPortal.Exchange.Security;

/// <summary>
/// Endpoints the exchange allows only with a bearer session (never an API key): session check, deposit-address
/// creation, email-confirmed withdrawals, OTP set-up and API-key management.
/// </summary>
public interface IAllexAccountSecurityApi
{
    [Get("/verify-token")]
    Task<MessageResponse> VerifyTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the session on the exchange; the token is useless afterwards.</summary>
    [Get("/logout")]
    Task<MessageResponse> LogoutAsync(CancellationToken cancellationToken = default);

    [Get("/user/create-address")]
    Task<DepositAddress> CreateDepositAddressAsync(string crypto, string? network = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a withdrawal that the user confirms from an email; never retried.</summary>
    [Post("/user/request-withdrawal")]
    Task<MessageResponse> RequestWithdrawalAsync([Body] WithdrawalRequest request, CancellationToken cancellationToken = default);

    [Delete("/user/withdrawal")]
    Task<MessageResponse> CancelWithdrawalAsync(long id, CancellationToken cancellationToken = default);

    [Get("/user/request-otp")]
    Task<OtpSecret> RequestOtpAsync(CancellationToken cancellationToken = default);

    [Post("/user/activate-otp")]
    Task<MessageResponse> ActivateOtpAsync([Body] OtpCodeRequest request, CancellationToken cancellationToken = default);

    [Post("/user/deactivate-otp")]
    Task<MessageResponse> DeactivateOtpAsync([Body] OtpCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Emails the code that key creation, update and revocation require.</summary>
    [Get("/user/request-email-confirmation")]
    Task<MessageResponse> RequestEmailConfirmationAsync(CancellationToken cancellationToken = default);

    [Get("/user/tokens")]
    Task<ApiKeyList> GetApiKeysAsync(CancellationToken cancellationToken = default);

    [Post("/user/token")]
    Task<CreatedApiKey> CreateApiKeyAsync([Body] CreateApiKeyRequest request, CancellationToken cancellationToken = default);

    [Put("/user/token")]
    Task<ApiKeyInfo> UpdateApiKeyAsync([Body] UpdateApiKeyRequest request, CancellationToken cancellationToken = default);

    [Delete("/user/token")]
    Task<MessageResponse> RevokeApiKeyAsync([Body] RevokeApiKeyRequest request, CancellationToken cancellationToken = default);
}
