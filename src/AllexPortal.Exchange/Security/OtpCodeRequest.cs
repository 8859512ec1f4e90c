namespace AllexPortal.Exchange.Security;

/// <summary>Body of <c>POST /user/activate-otp</c> and <c>/user/deactivate-otp</c>: the 6-digit TOTP code.</summary>
public sealed record OtpCodeRequest(string Code);
