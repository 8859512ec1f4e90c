using AllexPortal.Exchange.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AllexPortal.Web.Connections;

/// <summary>
/// Encrypts and decrypts a connection's API key and secret with ASP.NET Core Data Protection. Each connection
/// has its own purpose (<see cref="Purpose"/> + the connection id), so a ciphertext copied to another row
/// cannot be opened there. Plaintext exists only inside <see cref="Open"/>'s result, for as long as a request
/// needs it; nothing here logs or formats secret material.
/// </summary>
public sealed class CredentialVault(IDataProtectionProvider provider)
{
    /// <summary>The root purpose; versioned so the scheme can change without confusing old ciphertexts.</summary>
    public const string Purpose = "AllexPortal.Connections.Credentials.v1";

    /// <summary>Protects <paramref name="credentials"/> into <paramref name="connection"/>'s columns.</summary>
    public void Seal(ExchangeConnection connection, ApiKeyCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(credentials);
        var protector = ProtectorFor(connection.Id);
        connection.ProtectedApiKey = protector.Protect(credentials.ApiKey);
        connection.ProtectedApiSecret = protector.Protect(credentials.ApiSecret);
        connection.ApiKeyHint = credentials.ApiKey.Length <= 4 ? credentials.ApiKey : credentials.ApiKey[^4..];
    }

    /// <summary>Decrypts the credentials of <paramref name="connection"/>.</summary>
    /// <exception cref="ConnectionCredentialsUnreadableException">The ciphertext does not open under this
    /// connection's purpose (tampered, copied from another row, or the key ring was lost).</exception>
    public ApiKeyCredentials Open(ExchangeConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var protector = ProtectorFor(connection.Id);
        try
        {
            return new ApiKeyCredentials(protector.Unprotect(connection.ProtectedApiKey), protector.Unprotect(connection.ProtectedApiSecret));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new ConnectionCredentialsUnreadableException(connection.Id);
        }
    }

    private IDataProtector ProtectorFor(Guid connectionId) =>
        provider.CreateProtector(Purpose, connectionId.ToString("N"));
}
