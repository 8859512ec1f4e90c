using System.Text.Json;
using AllexPortal.Exchange.Json;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Tests.Json;

/// <summary>Both shapes of each row of the reference's discrepancy table read into the same model.</summary>
public class SeedAndSourceFormTests
{
    private static readonly AllexJsonContext Json = AllexJson.Context;

    [Fact]
    public void Constants_read_the_same_with_or_without_the_seed_config_key()
    {
        const string Source = """{"coins":{"btc":{"symbol":"btc","fullname":"Bitcoin","active":true}},"pairs":{"btc-usdt":{"name":"btc-usdt","pair_base":"btc","pair_2":"usdt","active":true}},"network":"https://api.hollaex.network","quicktrade":[],"broker":[]}""";
        const string Seed = """{"coins":{"btc":{"symbol":"btc","fullname":"Bitcoin","active":true}},"pairs":{"btc-usdt":{"name":"btc-usdt","pair_base":"btc","pair_2":"usdt","active":true}},"config":{}}""";

        var fromSource = JsonSerializer.Deserialize(Source, Json.ExchangeConstants)!;
        var fromSeed = JsonSerializer.Deserialize(Seed, Json.ExchangeConstants)!;

        Assert.Equal(fromSeed.Coins["btc"], fromSource.Coins["btc"]);
        Assert.Equal(fromSeed.Pairs["btc-usdt"], fromSource.Pairs["btc-usdt"]);
    }

    [Fact]
    public void Health_reads_the_same_with_or_without_domain()
    {
        const string Source = """{"name":"hollaex-kit","version":"2.17.4","host":"allex.online","domain":"allex.online","basePath":"/v2","status":true}""";

        var fromSource = JsonSerializer.Deserialize(Source, Json.HealthStatus)!;
        var fromSeed = JsonSerializer.Deserialize(SeedSamples.Health, Json.HealthStatus)!;

        Assert.Equal(fromSeed with { Domain = "allex.online" }, fromSource);
    }

    [Fact]
    public void Ticker_reads_the_same_flat_or_wrapped_by_symbol()
    {
        const string Flat = """{"open":69500,"high":70200,"low":68800,"close":69031,"last":69031,"volume":6589.42,"timestamp":"2026-03-28T12:00:00.000Z"}""";

        var flat = JsonSerializer.Deserialize(Flat, Json.Ticker)!;
        var wrapped = JsonSerializer.Deserialize(SeedSamples.Ticker, Json.Ticker)!;

        Assert.Equal(wrapped with { Symbol = null }, flat);
    }

    [Fact]
    public void Api_key_list_reads_the_same_as_array_with_nested_permissions_or_count_data_with_flat_flags()
    {
        const string Source = """{"count":1,"data":[{"id":1,"name":"Trading Bot","apiKey":"ak_...","secret":"abc********","active":true,"revoked":false,"expiry":"2031-03-01T10:00:00.000Z","created":"2026-03-01T10:00:00Z","whitelisted_ips":[],"whitelisting_enabled":false,"can_read":true,"can_trade":true,"can_withdraw":false,"role":"user"}]}""";

        var fromSource = Assert.Single(JsonSerializer.Deserialize(Source, Json.ApiKeyList)!.Keys);
        var fromSeed = Assert.Single(JsonSerializer.Deserialize(SeedSamples.ApiKeys, Json.ApiKeyList)!.Keys);

        Assert.Equal((fromSeed.Id, fromSeed.Name, fromSeed.ApiKey, fromSeed.Active, fromSeed.Created), (fromSource.Id, fromSource.Name, fromSource.ApiKey, fromSource.Active, fromSource.Created));
        Assert.Equal(fromSeed.Permissions, fromSource.Permissions);
    }

    [Fact]
    public void Created_key_reads_the_same_from_the_source_key_field_and_the_seed_api_key_field()
    {
        const string Source = """{"id":2,"name":"My Bot","key":"ak_abc123...","secret":"sk_xyz789...","type":"hmac","active":true,"revoked":false,"can_read":true,"can_trade":true,"can_withdraw":false,"whitelisted_ips":[],"whitelisting_enabled":false,"created_at":"2026-03-28T12:00:00Z"}""";

        var fromSource = JsonSerializer.Deserialize(Source, Json.CreatedApiKey)!;
        var fromSeed = JsonSerializer.Deserialize(SeedSamples.CreatedApiKey, Json.CreatedApiKey)!;

        Assert.Equal(fromSeed.Credentials, fromSource.Credentials);
        Assert.Equal(fromSeed.Key.Permissions, fromSource.Key.Permissions);
        Assert.Equal(fromSeed.Key.Created, fromSource.Key.Created);
    }

    [Fact]
    public void Trade_history_reads_the_same_as_count_data_or_grouped_by_pair()
    {
        const string Paged = """{"count":1,"data":[{"symbol":"btc-usdt","size":0.05,"price":69031,"side":"buy","timestamp":"2026-03-28T12:00:05.000Z"}]}""";
        const string Grouped = """{"btc-usdt":[{"size":0.05,"price":69031,"side":"buy","timestamp":"2026-03-28T12:00:05.000Z"}]}""";

        var fromPaged = JsonSerializer.Deserialize(Paged, Json.PagedPublicTrade)!;
        var fromGrouped = JsonSerializer.Deserialize(Grouped, Json.PagedPublicTrade)!;

        Assert.Equal(fromPaged.Count, fromGrouped.Count);
        Assert.Equal(fromPaged.Data, fromGrouped.Data);
    }

    [Fact]
    public void Withdrawal_fees_read_the_same_as_number_or_value_object()
    {
        const string Old = """{"symbol":"usdt","withdrawal_fees":{"eth":20}}""";
        const string New = """{"symbol":"usdt","withdrawal_fees":{"eth":{"value":20}}}""";

        var fromOld = JsonSerializer.Deserialize(Old, Json.CoinInfo)!;
        var fromNew = JsonSerializer.Deserialize(New, Json.CoinInfo)!;

        Assert.Equal(new NetworkFee(20m, null), fromOld.WithdrawalFees!["eth"]);
        Assert.Equal(fromOld.WithdrawalFees["eth"], fromNew.WithdrawalFees!["eth"]);
    }
}
