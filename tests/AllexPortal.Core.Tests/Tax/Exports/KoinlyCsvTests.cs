using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Exports;

namespace AllexPortal.Core.Tests.Tax.Exports;

public sealed class KoinlyCsvTests
{
    [Fact]
    public async Task Has_exactly_the_columns_of_koinlys_universal_format()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => KoinlyCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        Assert.Equal(
            ["Date", "Sent Amount", "Sent Currency", "Received Amount", "Received Currency", "Fee Amount", "Fee Currency",
                "Net Worth Amount", "Net Worth Currency", "Label", "Description", "TxHash"],
            file.Header);
    }

    [Fact]
    public async Task Dates_are_utc_in_koinlys_format()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => KoinlyCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        Assert.Equal("2024-01-01 00:00:00 UTC", file.Rows[0]["Date"]);
        Assert.Equal("2025-02-24 00:00:00 UTC", file.Rows[^1]["Date"]);
    }

    [Fact]
    public async Task Amounts_per_coin_add_up_to_the_ledgers_movements()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => KoinlyCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        // Received less sent less fees, per coin, is what the history moved.
        var net = Net(file);
        Assert.Equal(1m + 0.04m - 0.5m - 0.6m, net["BTC"]);
        Assert.Equal(10m - 0.1m - 2m - 1m - 0.01m, net["ETH"]);
        Assert.Equal(3m - 1m, net["XHT"]);
        Assert.Equal(-100m - 0.5m - 50m + 300m - 0.25m + 120m, net["USDT"]);
    }

    [Fact]
    public async Task Net_worth_is_given_only_where_a_leg_is_in_the_report_currency()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => KoinlyCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        Assert.Equal(
            ["100", "50", "", "", "300", "", "120"],
            file.Rows.Select(r => r["Net Worth Amount"]));
        Assert.All(file.Rows.Where(r => r["Net Worth Amount"].Length > 0), r => Assert.Equal("USDT", r["Net Worth Currency"]));
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_is_neutralised_and_negative_numbers_are_not()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => KoinlyCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        Assert.Equal("'" + SampleReport.FormulaText, file.Rows[2]["Description"]);
        Assert.Equal("'-sell 0.6 btc-usdt", file.Rows[^1]["Description"]);
        Assert.Equal("0xabc", file.Rows[2]["TxHash"]);
    }

    private static Dictionary<string, decimal> Net(CsvFile file)
    {
        var net = new Dictionary<string, decimal>();
        foreach (var row in file.Rows)
        {
            Add(row["Received Currency"], row["Received Amount"], 1m);
            Add(row["Sent Currency"], row["Sent Amount"], -1m);
            Add(row["Fee Currency"], row["Fee Amount"], -1m);
        }

        return net;

        void Add(string coin, string amount, decimal sign)
        {
            if (coin.Length > 0)
            {
                net[coin] = net.GetValueOrDefault(coin) + (sign * CsvFile.Number(amount));
            }
        }
    }
}
