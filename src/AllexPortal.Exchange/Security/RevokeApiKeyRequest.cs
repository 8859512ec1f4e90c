namespace AllexPortal.Exchange.Security;

/// <summary>JSON body of <c>DELETE /user/token</c>; revocation is permanent.</summary>
public sealed record RevokeApiKeyRequest(long TokenId, string OtpCode, string EmailCode)
{
    /// <inheritdoc />
    public override string ToString() => $"RevokeApiKeyRequest {{ TokenId = {TokenId}, OtpCode = ***, EmailCode = *** }}";
}
