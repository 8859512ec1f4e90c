using AllexPortal.Web.Explorers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Tests.HistoryPages;

/// <summary>Block-explorer templates: lookup by coin and network, URL-encoding of the id, validation at start.</summary>
public sealed class ExplorerLinksTests
{
    [Fact]
    public void A_coins_template_gets_the_transaction_id()
    {
        var links = Links(("btc", "https://mempool.space/tx/{tx}"));

        var link = links.LinkFor("BTC", "btc", "abc123");

        Assert.Equal("https://mempool.space/tx/abc123", link?.AbsoluteUri);
    }

    [Fact]
    public void A_network_template_wins_over_the_coins_own()
    {
        var links = Links(("usdt", "https://example.com/any/{tx}"), ("usdt:trx", "https://tronscan.org/#/transaction/{tx}"));

        Assert.Equal("https://tronscan.org/#/transaction/ff00", links.LinkFor("usdt", "trx", "ff00")?.AbsoluteUri);
        Assert.Equal("https://example.com/any/ff00", links.LinkFor("usdt", "eth", "ff00")?.AbsoluteUri);
    }

    [Fact]
    public void The_transaction_id_is_url_encoded_into_the_template()
    {
        var links = Links(("eth", "https://etherscan.io/tx/{tx}"));

        var link = links.LinkFor("eth", null, "0xab/../../evil?x=<script>#frag");

        Assert.Equal("https://etherscan.io/tx/0xab%2F..%2F..%2Fevil%3Fx%3D%3Cscript%3E%23frag", link?.AbsoluteUri);
    }

    [Fact]
    public void A_coin_without_a_template_or_a_missing_id_has_no_link()
    {
        var links = Links(("btc", "https://mempool.space/tx/{tx}"));

        Assert.Null(links.LinkFor("xrp", null, "abc"));
        Assert.Null(links.LinkFor("btc", null, null));
        Assert.Null(links.LinkFor("btc", null, " "));
    }

    [Theory]
    [InlineData("http://mempool.space/tx/{tx}")]
    [InlineData("https://mempool.space/tx/")]
    [InlineData("/tx/{tx}")]
    [InlineData("javascript:alert({tx})")]
    public void A_template_that_is_not_an_absolute_https_url_with_the_placeholder_stops_the_start(string template)
    {
        using var services = Services(("btc", template));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExplorerOptions>>().Value);

        Assert.Contains("Explorers:btc", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_defaults_are_valid_and_link_bitcoin()
    {
        var appsettings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        var options = new ExplorerOptions();
        options.Load(appsettings.GetSection(ExplorerOptions.SectionName));

        var links = new ExplorerLinks(Options.Create(options));

        Assert.DoesNotContain(options.Templates, t => !t.Value.StartsWith("https://", StringComparison.Ordinal));
        Assert.NotNull(links.LinkFor("btc", "btc", "abc"));
        Assert.NotNull(links.LinkFor("usdt", "trx", "abc"));
    }

    private static ExplorerLinks Links(params (string Key, string Template)[] templates)
    {
        var options = new ExplorerOptions();
        options.Load(Configuration(templates).GetSection(ExplorerOptions.SectionName));
        return new ExplorerLinks(Options.Create(options));
    }

    private static ServiceProvider Services(params (string Key, string Template)[] templates)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddConfiguration(Configuration(templates));
        builder.AddPortalExplorers();
        return builder.Services.BuildServiceProvider();
    }

    private static IConfiguration Configuration((string Key, string Template)[] templates) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(templates.Select(t => new KeyValuePair<string, string?>($"Explorers:{t.Key}", t.Template)))
            .Build();
}
