using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Paging;

namespace AllexPortal.Exchange.Account;

/// <summary>
/// Calls to endpoints that some exchanges switch off. A switched-off feature comes back as
/// <see cref="OptionalFeatureResult{T}.NotOffered"/>; every other failure still throws.
/// </summary>
public static class OptionalFeatureExtensions
{
    public static Task<OptionalFeatureResult<Paged<BalanceSnapshot>>> TryGetBalanceHistoryAsync(
        this IAllexUserApi api,
        HistoryFilter? filter = null,
        int page = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        filter ??= new HistoryFilter();
        return OfferedOrNot(() => api.GetBalanceHistoryAsync(filter.ToPage(page, PageSize.Clamp(filter.PageSize)), cancellationToken));
    }

    public static Task<OptionalFeatureResult<ProfitAndLoss>> TryGetProfitAndLossAsync(
        this IAllexUserApi api,
        int periodDays = 30,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return OfferedOrNot(() => api.GetProfitAndLossAsync(periodDays, cancellationToken));
    }

    private static async Task<OptionalFeatureResult<T>> OfferedOrNot<T>(Func<Task<T>> call)
    {
        try
        {
            return OptionalFeatureResult<T>.Offered(await call().ConfigureAwait(false));
        }
        catch (ExchangeApiException failure) when (failure.IsFeatureNotOffered)
        {
            return OptionalFeatureResult<T>.NotOffered(failure.ExchangeMessage ?? "This exchange does not offer this feature.");
        }
    }
}
