using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tests.Assets;

public sealed class AssetTests
{
    [Theory]
    [InlineData("BTC", "btc")]
    [InlineData(" Eth ", "eth")]
    [InlineData("usdt", "usdt")]
    public void Symbols_are_folded_to_the_exchanges_lower_case(string typed, string code)
    {
        Assert.Equal(code, new Asset(typed).Code);
    }

    [Fact]
    public void Assets_with_the_same_symbol_in_different_cases_are_equal()
    {
        Assert.Equal(new Asset("XHT"), new Asset("xht"));
    }

    [Fact]
    public void An_empty_symbol_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Asset(" "));
    }

    [Fact]
    public void An_amount_prints_its_quantity_and_symbol_invariantly()
    {
        Assert.Equal("0.5 btc", Amount.Of(0.5m, "BTC").ToString());
    }
}
