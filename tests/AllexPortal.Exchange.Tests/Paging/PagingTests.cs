using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AllexPortal.Exchange.Tests.Paging;

public class PagingTests
{
    private static readonly ApiKeyCredentials Credentials = new("key-0000000000000000000000000000000000abcd", "secret");

    [Fact]
    public async Task Paging_reads_all_pages_and_stops_at_count()
    {
        await using var stub = new ExchangeStub();
        AnswerTradePages(stub, total: 100, pageSize: 50);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var trades = await client.User.ReadAllTradesAsync(new HistoryFilter { Symbol = "btc-usdt" }, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, trades.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"order-{i}"), trades.Select(t => t.OrderId));
        Assert.Equal(2, stub.Calls("/v2/user/trades").Count);
    }

    [Fact]
    public async Task Paging_ends_on_a_short_last_page()
    {
        await using var stub = new ExchangeStub();
        AnswerTradePages(stub, total: 120, pageSize: 50);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var trades = await client.User.ReadAllTradesAsync(cancellationToken: TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(120, trades.Count);
        Assert.Equal(3, stub.Calls("/v2/user/trades").Count);
    }

    [Fact]
    public async Task Paging_asking_for_100_from_an_exchange_that_serves_50_reads_every_row_once()
    {
        await using var stub = new ExchangeStub();
        AnswerTradePages(stub, total: 237, pageSize: 50);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var trades = await client.User.ReadAllTradesAsync(new HistoryFilter { PageSize = 100 }, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 237).Select(i => $"order-{i}"), trades.Select(t => t.OrderId));
        Assert.Equal(5, stub.Calls("/v2/user/trades").Count);
    }

    [Theory]
    [InlineData(237, 100, 50)]
    [InlineData(237, 100, 30)]
    [InlineData(100, 100, 50)]
    [InlineData(49, 100, 50)]
    [InlineData(0, 50, 50)]
    [InlineData(1000, 100, 100)]
    public async Task The_reader_returns_every_row_once_whatever_page_size_the_exchange_serves(int total, int asked, int served)
    {
        var requests = new List<(int Page, int Limit)>();
        Task<Paged<int>> Fetch(int page, int limit, CancellationToken cancellationToken)
        {
            requests.Add((page, limit));
            var size = Math.Min(limit, served); // the exchange numbers pages by the size it serves
            var rows = Enumerable.Range(((page - 1) * size) + 1, Math.Max(0, Math.Min(size, total - ((page - 1) * size)))).ToList();
            return Task.FromResult(new Paged<int> { Count = total, Data = rows });
        }

        var rows = await PageReader.ReadAllAsync<int>(Fetch, asked, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, total), rows);
        Assert.True(requests.Count <= Math.Max(1, (total + Math.Min(asked, served) - 1) / Math.Min(asked, served)), $"{requests.Count} requests");
    }

    [Fact]
    public async Task Paging_sends_the_filters_on_every_page()
    {
        await using var stub = new ExchangeStub();
        AnswerTradePages(stub, total: 60, pageSize: 50);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);
        var filter = new HistoryFilter
        {
            Symbol = "eth-usdt",
            StartDate = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2026, 2, 1, 12, 30, 0, TimeSpan.FromHours(2)),
            Order = SortOrder.Asc,
        };

        await client.User.ReadAllTradesAsync(filter, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var queries = stub.Calls("/v2/user/trades").Select(c => c.RequestMessage!.Query!).ToList();
        Assert.Equal(2, queries.Count);
        Assert.All(queries, q =>
        {
            Assert.Equal("eth-usdt", q["symbol"].ToString());
            Assert.Equal("2026-01-01T00:00:00.000Z", q["start_date"].ToString());
            Assert.Equal("2026-02-01T10:30:00.000Z", q["end_date"].ToString());
            Assert.Equal("asc", q["order"].ToString());
            Assert.Equal("50", q["limit"].ToString());
        });
        Assert.Equal(["1", "2"], queries.Select(q => q["page"].ToString()));
    }

    [Fact]
    public async Task Page_size_is_capped_at_one_hundred()
    {
        await using var stub = new ExchangeStub();
        AnswerTradePages(stub, total: 10, pageSize: 100);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        await client.User.ReadAllTradesAsync(new HistoryFilter { PageSize = 500 }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("100", Assert.Single(stub.Calls("/v2/user/trades")).RequestMessage!.Query!["limit"].ToString());
    }

    private static void AnswerTradePages(ExchangeStub stub, int total, int pageSize)
    {
        var pages = (total + pageSize - 1) / pageSize;
        for (var page = 1; page <= pages; page++)
        {
            var rows = Enumerable.Range(((page - 1) * pageSize) + 1, Math.Min(pageSize, total - ((page - 1) * pageSize)))
                .Select(i => $$"""{"side":"buy","symbol":"btc-usdt","size":0.01,"price":69031,"timestamp":"2026-03-28T12:00:00Z","order_id":"order-{{i}}","fee":0.1,"fee_coin":"usdt"}""");
            stub.Server.Given(Request.Create().WithPath("/v2/user/trades").UsingGet().WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"count":{{total}},"data":[{{string.Join(",", rows)}}]}"""));
        }
    }
}
