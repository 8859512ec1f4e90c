using AllexPortal.Exchange;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Web.Connections;

/// <summary>
/// Finds out what an API key may do without doing anything with it. HollaEx Kit checks a key's permission
/// before it validates the request, so each probe sends a request that cannot succeed:
/// reading is the balance itself (it must work, or the key is refused); trading is cancelling the all-zero
/// order id (a permission error means no trade, "not found" means the key may trade); withdrawing is a
/// withdrawal of nothing to no address (a permission error means no withdraw, a validation error means the key
/// may withdraw; without an address and with a zero amount nothing can ever leave the account).
/// </summary>
public sealed class KeyPermissionProbe(IAllexClientFactory clients)
{
    /// <summary>An order id no exchange issues.</summary>
    public const string NoSuchOrderId = "00000000-0000-0000-0000-000000000000";

    /// <summary>Probes the key; refuses it when it cannot read the balance.</summary>
    /// <exception cref="ConnectionRefusedException">The balance read failed; the message says why.</exception>
    public async Task<KeyPermissions> ProbeAsync(Uri baseUrl, ApiKeyCredentials credentials, CancellationToken cancellationToken = default)
    {
        var client = clients.ForApiKey(baseUrl, credentials);
        try
        {
            await client.User.GetBalanceAsync(cancellationToken);
        }
        catch (ExchangeApiException error)
        {
            throw new ConnectionRefusedException($"The key was not saved: it cannot read the balance. {error.Message}", error);
        }

        return new KeyPermissions(CanRead: true, await CanTradeAsync(client, cancellationToken), await CanWithdrawAsync(client, cancellationToken));
    }

    private static async Task<bool> CanTradeAsync(AllexApiKeyClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.Trading.CancelOrderAsync(NoSuchOrderId, cancellationToken);
            return true;
        }
        catch (ExchangeApiException error) when (error.Kind is ExchangeErrorKind.PermissionDenied)
        {
            return false;
        }
        catch (ExchangeApiException error) when (error.Kind is ExchangeErrorKind.NotFound or ExchangeErrorKind.Rejected or ExchangeErrorKind.InvalidRequest)
        {
            return true;
        }
        catch (ExchangeApiException error)
        {
            throw new ConnectionRefusedException($"The key's trading permission could not be checked. {error.Message}", error);
        }
    }

    private static async Task<bool?> CanWithdrawAsync(AllexApiKeyClient client, CancellationToken cancellationToken)
    {
        // Address null is left out of the JSON body (the client skips nulls), so the exchange's schema refuses it.
        var nothing = new DirectWithdrawalRequest { Currency = "usdt", Amount = 0m, Address = null! };
        try
        {
            await client.Withdrawals.WithdrawAsync(nothing, cancellationToken);
            return true;
        }
        catch (ExchangeApiException error) when (error.Kind is ExchangeErrorKind.PermissionDenied)
        {
            return false;
        }
        catch (ExchangeApiException error) when (error.Kind is ExchangeErrorKind.InvalidRequest or ExchangeErrorKind.Rejected)
        {
            return true;
        }
        catch (ExchangeApiException)
        {
            return null;
        }
    }
}
