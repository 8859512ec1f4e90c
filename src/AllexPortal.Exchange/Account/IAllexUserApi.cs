using System.Text.Json;
using AllexPortal.Exchange.Paging;
using Refit;

namespace AllexPortal.Exchange.Account;

/// <summary>
/// Read-only account data, reachable with an API key holding <c>can_read</c> or with a bearer session.
/// For the optional balance history and profit-and-loss prefer the <c>Try…</c> extensions in
/// <see cref="OptionalFeatureExtensions"/>, which report a switched-off feature as not offered.
/// </summary>
public interface IAllexUserApi
{
    [Get("/user")]
    Task<UserProfile> GetProfileAsync(CancellationToken cancellationToken = default);

    [Get("/user/balance")]
    Task<Balances> GetBalanceAsync(CancellationToken cancellationToken = default);

    [Get("/user/trades")]
    Task<Paged<UserTrade>> GetTradesAsync(
        string? symbol = null,
        [Query] PageQuery? paging = null,
        CancellationToken cancellationToken = default);

    /// <summary>The same rows as CSV (<c>format=csv</c>), streamed as the exchange sends them.</summary>
    [Get("/user/trades?format=csv")]
    Task<Stream> ExportTradesCsvAsync(
        string? symbol = null,
        [Query] PageQuery? range = null,
        CancellationToken cancellationToken = default);

    [Get("/user/deposits")]
    Task<Paged<Transaction>> GetDepositsAsync(
        string? currency = null,
        [Query] PageQuery? paging = null,
        bool? status = null,
        [AliasAs("transaction_id")] string? transactionId = null,
        CancellationToken cancellationToken = default);

    [Get("/user/deposits?format=csv")]
    Task<Stream> ExportDepositsCsvAsync(
        string? currency = null,
        [Query] PageQuery? range = null,
        CancellationToken cancellationToken = default);

    [Get("/user/withdrawals")]
    Task<Paged<Transaction>> GetWithdrawalsAsync(
        string? currency = null,
        [Query] PageQuery? paging = null,
        bool? status = null,
        [AliasAs("transaction_id")] string? transactionId = null,
        CancellationToken cancellationToken = default);

    [Get("/user/withdrawals?format=csv")]
    Task<Stream> ExportWithdrawalsCsvAsync(
        string? currency = null,
        [Query] PageQuery? range = null,
        CancellationToken cancellationToken = default);

    /// <summary>The most the user can withdraw now; the layout is not documented, so it stays JSON.</summary>
    [Get("/user/withdrawal/max")]
    Task<JsonElement> GetMaxWithdrawalAsync(string currency, string? network = null, CancellationToken cancellationToken = default);

    /// <summary>Optional feature: throws <see cref="Errors.ExchangeApiException"/> where the exchange switched it off.</summary>
    [Get("/user/balance-history")]
    Task<Paged<BalanceSnapshot>> GetBalanceHistoryAsync(
        [Query] PageQuery? paging = null,
        CancellationToken cancellationToken = default);

    /// <summary>Optional feature; <paramref name="period"/> is 7, 30 or 90 days.</summary>
    [Get("/user/balance-pl")]
    Task<ProfitAndLoss> GetProfitAndLossAsync(int period = 30, CancellationToken cancellationToken = default);
}
