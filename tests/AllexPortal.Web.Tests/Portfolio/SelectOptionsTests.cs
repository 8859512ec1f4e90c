using AllexPortal.Web.Components.Pages.Dashboard;

namespace AllexPortal.Web.Tests.Portfolio;

public sealed class SelectOptionsTests
{
    [Fact]
    public void Options_mark_the_selected_value_and_encode_what_the_exchange_named()
    {
        var html = SelectOptions.For([("usdt", "USDT"), ("<b>\"x", "<B>\"X")], "usdt").Value;

        Assert.Equal(
            "<option value=\"usdt\" selected>USDT</option><option value=\"&lt;b&gt;&quot;x\">&lt;B&gt;&quot;X</option>",
            html);
    }

    [Fact]
    public void The_same_list_and_choice_share_one_string_and_another_choice_gets_its_own()
    {
        (string, string)[] coins = [("btc", "BTC"), ("usdt", "USDT")];

        var first = SelectOptions.For(coins, "btc").Value;
        var again = SelectOptions.For([.. coins], "btc").Value;
        var other = SelectOptions.For(coins, "usdt").Value;

        Assert.Same(first, again);
        Assert.Contains("value=\"usdt\" selected", other, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"btc\" selected", other, StringComparison.Ordinal);
    }
}
