using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// Source-generated metadata for every exchange payload: snake_case names, decimals read tolerantly and
/// written in JavaScript form. Use <see cref="AllexJson.Options"/>, which adds the relaxed escaping that
/// signed bodies need.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UseStringEnumConverter = true,
    Converters = [typeof(ExchangeDecimalConverter), typeof(PublicTradeHistoryConverter)])]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ExchangeConstants))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, FeeTier>))]
[JsonSerializable(typeof(Ticker))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, Ticker>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, OrderBook>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<PublicTrade>>))]
[JsonSerializable(typeof(Paged<PublicTrade>))]
[JsonSerializable(typeof(IReadOnlyList<Candle>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<Candle>>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<MiniChartPoint>>))]
[JsonSerializable(typeof(ChartConfiguration))]
[JsonSerializable(typeof(ChartHistory))]
[JsonSerializable(typeof(OraclePrices))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(SignupRequest))]
[JsonSerializable(typeof(ConfirmWithdrawalRequest))]
[JsonSerializable(typeof(ConfirmedWithdrawal))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(Balances))]
[JsonSerializable(typeof(Paged<UserTrade>))]
[JsonSerializable(typeof(Paged<Transaction>))]
[JsonSerializable(typeof(Paged<BalanceSnapshot>))]
[JsonSerializable(typeof(ProfitAndLoss))]
[JsonSerializable(typeof(WithdrawalFee))]
[JsonSerializable(typeof(DirectWithdrawalRequest))]
[JsonSerializable(typeof(DirectWithdrawalResult))]
[JsonSerializable(typeof(CreateOrderRequest))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(IReadOnlyList<Order>))]
[JsonSerializable(typeof(Paged<Order>))]
[JsonSerializable(typeof(QuickTradeQuote))]
[JsonSerializable(typeof(ExecuteQuickTradeRequest))]
[JsonSerializable(typeof(DepositAddress))]
[JsonSerializable(typeof(WithdrawalRequest))]
[JsonSerializable(typeof(OtpSecret))]
[JsonSerializable(typeof(OtpCodeRequest))]
[JsonSerializable(typeof(ApiKeyList))]
[JsonSerializable(typeof(ApiKeyInfo))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(UpdateApiKeyRequest))]
[JsonSerializable(typeof(RevokeApiKeyRequest))]
public sealed partial class AllexJsonContext : JsonSerializerContext;
