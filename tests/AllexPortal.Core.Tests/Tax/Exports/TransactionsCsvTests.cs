using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Exports;

namespace AllexPortal.Core.Tests.Tax.Exports;

public sealed class TransactionsCsvTests
{
    [Fact]
    public async Task Lists_every_transaction_with_its_type_account_and_ledger_id()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => TransactionsCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        Assert.Equal(
            SampleReport.Transactions.Select(t => (t.Kind.ToString(), t.Account, t.LedgerId.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            file.Rows.Select(r => (r["Type"], (string?)r["Account"], r["Ledger Id"])));
    }

    [Fact]
    public async Task Values_in_the_report_currency_sum_to_the_traded_volume()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => TransactionsCsv.WriteAsync(SampleReport.Transactions, Asset.Usdt, text, token));

        Assert.Equal(100m + 50m + 300m + 120m, file.Sum("Value"));
        Assert.Equal("2024-01-01T00:00:00.000Z", file.Rows[0]["Date"]);
    }
}
