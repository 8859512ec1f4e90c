using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AllexPortal.Web.Teams.Invitations;

/// <summary>
/// The secret in an invitation link: 32 random bytes, URL-safe. The database keeps only <see cref="Hash"/>, so the
/// link in the e-mail is the one place the token exists. A plain SHA-256 suffices (no salt or stretching): the token
/// has 256 bits of entropy, so there is nothing to guess.
/// </summary>
public static class InvitationToken
{
    /// <summary>A new random token for a link.</summary>
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of <paramref name="token"/>: lower-case hex SHA-256 of its UTF-8 text.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
