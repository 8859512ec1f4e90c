using System.Globalization;

namespace AllexPortal.Web.Components.Pages.History;

/// <summary>
/// How the history grids print numbers and times: every decimal the ledger holds (up to 8 after the point, trailing
/// zeros dropped) with thousands separators, in the invariant culture so every user reads the same; times in the
/// viewer's time zone; ages as "3 min ago".
/// </summary>
public static class HistoryFormat
{
    /// <summary>1,234.5 · 0.00012345 · 0</summary>
    public static string Amount(decimal value) => value.ToString("#,##0.########", CultureInfo.InvariantCulture);

    /// <summary>A value followed by the upper-case coin: <c>0.5 BTC</c>.</summary>
    public static string Amount(decimal value, string? coin) =>
        string.IsNullOrEmpty(coin) ? Amount(value) : $"{Amount(value)} {coin.ToUpperInvariant()}";

    /// <summary>A moment in <paramref name="zone"/>: <c>2026-03-01 14:05:09</c>.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The moment in UTC, ISO-8601, for tooltips: <c>2026-03-01T13:05:09Z</c>.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How long ago, coarsely: <c>just now</c>, <c>3 min ago</c>, <c>2 h ago</c>, <c>5 days ago</c>.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        return age switch
        {
            { TotalSeconds: < 60 } => "just now",
            { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes} min ago",
            { TotalHours: < 48 } => $"{(int)age.TotalHours} h ago",
            _ => $"{(int)age.TotalDays} days ago",
        };
    }

    /// <summary>A duration still to go: <c>40 s</c>, <c>3 min</c>, <c>2 h 5 min</c>.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)span.TotalSeconds)} s",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes} min",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };

    /// <summary>A transaction id shortened for a narrow cell: <c>3fa9c1e2…9b07</c>.</summary>
    public static string ShortId(string id) => id.Length <= 16 ? id : $"{id[..8]}…{id[^6..]}";
}
