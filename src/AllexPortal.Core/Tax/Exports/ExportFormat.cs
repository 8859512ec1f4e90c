using System.Globalization;
using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>The small formatting choices the exports share, so every file names coins and terms the same way.</summary>
internal static class ExportFormat
{
    /// <summary>A coin as tax tools and accountants write it: upper case (<c>BTC</c>).</summary>
    public static string Coin(Asset asset) => asset.Code.ToUpperInvariant();

    /// <summary><c>0.5 BTC</c>: the description column of Form 8949.</summary>
    public static string Description(decimal quantity, Asset asset) =>
        string.Create(CultureInfo.InvariantCulture, $"{quantity} {Coin(asset)}");

    /// <summary>A calendar date (UTC) as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>Short</c> or <c>Long</c>.</summary>
    public static string Term(HoldingPeriod period) => period == HoldingPeriod.LongTerm ? "Long" : "Short";

    /// <summary>The kind of a disposal in words.</summary>
    public static string Kind(DisposalKind kind) => kind switch
    {
        DisposalKind.TradeFee => "Trade fee",
        DisposalKind.WithdrawalFee => "Withdrawal fee",
        _ => "Trade",
    };
}
