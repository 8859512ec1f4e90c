using AllexPortal.Exchange;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Access;
using AllexPortal.Web.Trading;

namespace AllexPortal.Web.Wallet;

/// <summary>
/// Deposit addresses. Existing ones are read from the profile with any connection's key (the only way a key can
/// see them); a new one can only be created with the user's own exchange sign-in, because the exchange allows
/// <c>/user/create-address</c> to bearer sessions only.
/// </summary>
public sealed partial class DepositAddresses(ConnectionOpener opener, ILogger<DepositAddresses> logger)
{
    /// <summary>The addresses the exchange already created for the connection's account. A role needs
    /// <see cref="PortalPermission.ViewAmounts"/>: a block explorer shows anyone the amounts sent to an address.</summary>
    /// <exception cref="AccessDeniedException">Not a connection the user may see, or a role without amounts.</exception>
    public async Task<IReadOnlyList<WalletAddress>> ExistingAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var connection = await opener.OpenAsync(userId, connectionId, PortalPermission.ViewAmounts, cancellationToken);
        var profile = await connection.Client.User.GetProfileAsync(cancellationToken);
        return [.. profile.Wallet.OrderBy(w => w.Currency, StringComparer.Ordinal).ThenBy(w => w.Network, StringComparer.Ordinal)];
    }

    /// <summary>Creates (or returns, if it exists) the address for <paramref name="coin"/> on <paramref name="network"/> with the user's exchange sign-in.</summary>
    /// <exception cref="Exchange.Errors.ExchangeApiException">The exchange refused (e.g. an unknown network).</exception>
    public async Task<DepositAddress> CreateAsync(
        string userId, AllexSessionClient session, string coin, string? network, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(coin);
        LogCreating(userId, coin, network);
        return await session.Security.CreateDepositAddressAsync(coin.ToLowerInvariant(), string.IsNullOrWhiteSpace(network) ? null : network.ToLowerInvariant(), cancellationToken);
    }

    /// <summary>The address as a QR code image (<c>data:</c> URI).</summary>
    public static string QrCodeOf(string address) => AddressQrCode.ToDataUri(address);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} asks the exchange for a {Coin} deposit address on {Network}")]
    private partial void LogCreating(string userId, string coin, string? network);
}
