using System.Globalization;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Trading;

namespace AllexPortal.Web.Wallet;

/// <summary>
/// Withdrawal requests, only ever through the user's own exchange sign-in (a bearer session): the exchange then
/// e-mails a confirmation code that the user enters in a second step. The portal never withdraws with a stored API
/// key, so this class has no path to <c>POST /user/withdrawal</c>. The fee is shown first, the user must type the
/// amount or the address again, and a request is sent once and never retried.
/// </summary>
public sealed partial class WithdrawalDesk(PortalAccess access, MarketRules rules, AuditLog audit, ILogger<WithdrawalDesk> logger)
{
    /// <summary>The coins the exchange lets users withdraw.</summary>
    public async Task<IReadOnlyList<CoinRules>> CoinsAsync(Uri exchange, CancellationToken cancellationToken = default) =>
        [.. (await rules.CoinsAsync(exchange, cancellationToken)).Where(c => c.AllowWithdrawal)];

    /// <summary>The fee of withdrawing <paramref name="coin"/> on <paramref name="network"/>, from <c>/constants</c>.</summary>
    public async Task<WithdrawalCost?> CostAsync(Uri exchange, string coin, string network, CancellationToken cancellationToken = default)
    {
        var rulesOfCoin = (await rules.CoinsAsync(exchange, cancellationToken)).FirstOrDefault(c => c.Symbol == coin.ToLowerInvariant());
        if (rulesOfCoin is null || !rulesOfCoin.Networks.Contains(network.ToLowerInvariant()))
        {
            return null;
        }

        var fee = rulesOfCoin.FeeOn(network.ToLowerInvariant());
        return new WithdrawalCost(rulesOfCoin, network.ToLowerInvariant(), fee?.Amount, fee?.Coin ?? rulesOfCoin.Symbol);
    }

    /// <summary>The problems of a withdrawal form, at most one per field; empty when it may be sent.</summary>
    public static IReadOnlyDictionary<WithdrawalField, string> Validate(WithdrawalTicket ticket, WithdrawalCost? cost)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var errors = new Dictionary<WithdrawalField, string>();
        if (cost is null)
        {
            errors[string.IsNullOrWhiteSpace(ticket.Coin) ? WithdrawalField.Coin : WithdrawalField.Network] = "Choose a coin and a network the exchange allows withdrawals on.";
            return errors;
        }

        var coin = cost.Coin.Symbol.ToUpperInvariant();
        if (ticket.Amount is not { } amount || amount <= 0)
        {
            errors[WithdrawalField.Amount] = "Enter an amount that is more than zero.";
        }
        else if (cost.Coin.Min is { } min && amount < min)
        {
            errors[WithdrawalField.Amount] = $"The exchange's smallest {coin} withdrawal is {OrderTicketValidation.Show(min)}.";
        }
        else if (cost.Coin.Max is { } max && amount > max)
        {
            errors[WithdrawalField.Amount] = $"The exchange's largest {coin} withdrawal is {OrderTicketValidation.Show(max)}.";
        }
        else if (cost.Coin.Increment is { } step && step > 0 && amount % step != 0)
        {
            errors[WithdrawalField.Amount] = $"The amount must be a multiple of {OrderTicketValidation.Show(step)} {coin}.";
        }

        var address = ticket.Address.Trim();
        if (address.Length == 0)
        {
            errors[WithdrawalField.Address] = "Enter the address to send to.";
        }
        else if (address.Length > 200 || address.Any(char.IsWhiteSpace))
        {
            errors[WithdrawalField.Address] = "That does not look like an address: no spaces, at most 200 characters.";
        }

        if (!string.IsNullOrEmpty(ticket.OtpCode) && (ticket.OtpCode.Length != 6 || !ticket.OtpCode.All(char.IsAsciiDigit)))
        {
            errors[WithdrawalField.OtpCode] = "The 2FA code has 6 digits.";
        }

        if (!Confirms(ticket))
        {
            errors[WithdrawalField.Confirmation] = "Type the amount or the address again to confirm.";
        }

        return errors;
    }

    /// <summary>Asks the exchange to start the withdrawal; on success it e-mails the code for <see cref="ConfirmAsync"/>.</summary>
    /// <exception cref="AccessDeniedException">The user's role does not allow withdrawals.</exception>
    /// <exception cref="WithdrawalInvalidException">The form is incomplete or unconfirmed; nothing was sent.</exception>
    public async Task<WithdrawalResult> RequestAsync(
        string userId, AllexSessionClient session, Uri exchange, WithdrawalTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ticket);
        await DemandWithdrawAsync(userId, cancellationToken);
        var frozen = ticket.Copy();
        var cost = await CostAsync(exchange, frozen.Coin, frozen.Network, cancellationToken);
        var errors = Validate(frozen, cost);
        if (errors.Count > 0)
        {
            throw new WithdrawalInvalidException(errors);
        }

        var request = new WithdrawalRequest
        {
            Currency = cost!.Coin.Symbol,
            Amount = frozen.Amount!.Value,
            Address = frozen.Address.Trim(),
            Network = cost.Network,
            OtpCode = string.IsNullOrEmpty(frozen.OtpCode) ? null : frozen.OtpCode,
        };
        LogRequesting(userId, request.Currency, request.Network);
        WithdrawalResult result;
        try
        {
            await session.Security.RequestWithdrawalAsync(request, CancellationToken.None);
            result = new WithdrawalResult(WithdrawalOutcome.AwaitingEmailConfirmation,
                $"The exchange accepted the request to withdraw {OrderTicketValidation.Show(request.Amount)} {request.Currency.ToUpperInvariant()} and has e-mailed you a confirmation code. Enter it below to send the funds.");
        }
        catch (ExchangeApiException failure) when (failure.Kind is not (ExchangeErrorKind.ServerError or ExchangeErrorKind.Unavailable
            or ExchangeErrorKind.Timeout or ExchangeErrorKind.Unreachable or ExchangeErrorKind.MalformedResponse))
        {
            LogRefused(failure, userId, failure.Kind);
            result = new WithdrawalResult(WithdrawalOutcome.Rejected, $"The exchange refused the withdrawal: {Explain(failure)}");
        }
        catch (ExchangeApiException failure)
        {
            LogUnconfirmed(failure, userId, failure.Kind);
            result = new WithdrawalResult(WithdrawalOutcome.Unknown,
                $"The exchange did not confirm the request: {failure.Message} Check your e-mail and the exchange's withdrawal history before trying again; the portal never sends it twice on its own.");
        }

        await audit.RecordAsync(userId, AuditAction.WithdrawalRequested, request.Currency,
            string.Create(CultureInfo.InvariantCulture, $"{OrderTicketValidation.Show(request.Amount)} {request.Currency} on {request.Network} to {request.Address} → {result.Outcome}"),
            cancellationToken: CancellationToken.None);
        return result;
    }

    /// <summary>Confirms a requested withdrawal with the code the exchange e-mailed.</summary>
    /// <exception cref="AccessDeniedException">The user's role does not allow withdrawals.</exception>
    public async Task<WithdrawalResult> ConfirmAsync(string userId, AllexSessionClient session, string? code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await DemandWithdrawAsync(userId, cancellationToken);
        if (string.IsNullOrWhiteSpace(code))
        {
            return new WithdrawalResult(WithdrawalOutcome.Rejected, "Enter the confirmation code from the exchange's e-mail.");
        }

        try
        {
            var confirmed = await session.Public.ConfirmWithdrawalAsync(new ConfirmWithdrawalRequest(code.Trim()), CancellationToken.None);
            LogConfirmed(userId, confirmed.TransactionId);
            return new WithdrawalResult(WithdrawalOutcome.Confirmed,
                $"Withdrawal confirmed{(confirmed.TransactionId is { } tx ? $" (transaction {tx})" : "")}.", confirmed.TransactionId, confirmed.Fee);
        }
        catch (ExchangeApiException failure) when (failure.Kind is ExchangeErrorKind.Rejected or ExchangeErrorKind.InvalidRequest or ExchangeErrorKind.NotFound)
        {
            LogRefused(failure, userId, failure.Kind);
            return new WithdrawalResult(WithdrawalOutcome.Rejected, $"The exchange did not accept the code: {Explain(failure)}");
        }
        catch (ExchangeApiException failure)
        {
            LogUnconfirmed(failure, userId, failure.Kind);
            return new WithdrawalResult(WithdrawalOutcome.Unknown, $"The exchange did not answer clearly: {failure.Message} Check its withdrawal history before entering the code again.");
        }
    }

    /// <summary>
    /// A withdrawal moves the funds of the user's own exchange account (their sign-in), so it belongs to their
    /// personal workspace; teams cannot grant it to anyone else.
    /// </summary>
    private async Task DemandWithdrawAsync(string userId, CancellationToken cancellationToken) =>
        await access.DemandWorkspaceAsync(userId, null, PortalPermission.Withdraw, cancellationToken);

    private static bool Confirms(WithdrawalTicket ticket)
    {
        var typed = ticket.Confirmation?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return false;
        }

        if (string.Equals(typed, ticket.Address.Trim(), StringComparison.Ordinal))
        {
            return true;
        }

        return ticket.Amount is { } amount
            && decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out var typedAmount)
            && typedAmount == amount;
    }

    private static string Explain(ExchangeApiException failure) =>
        failure.ExchangeMessage switch
        {
            "Invalid OTP Code" => "the 2FA code is missing or wrong. Enter the current code from your authenticator app for the exchange account.",
            { } message => message,
            null => failure.Message,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} requests a {Coin} withdrawal on {Network}")]
    private partial void LogRequesting(string userId, string coin, string? network);

    [LoggerMessage(Level = LogLevel.Information, Message = "The exchange refused a withdrawal step of user {UserId} ({Kind})")]
    private partial void LogRefused(Exception failure, string userId, ExchangeErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A withdrawal step of user {UserId} was not confirmed ({Kind}); not retried")]
    private partial void LogUnconfirmed(Exception failure, string userId, ExchangeErrorKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} confirmed a withdrawal (transaction {TransactionId})")]
    private partial void LogConfirmed(string userId, string? transactionId);
}
