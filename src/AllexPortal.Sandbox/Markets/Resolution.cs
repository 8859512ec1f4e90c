namespace AllexPortal.Sandbox.Markets;

/// <summary>Chart resolutions in both spellings real clients send: TradingView (<c>1, 5, 15, 60, 360, D, W</c>,
/// also <c>1D</c>, <c>1W</c>) and the short form (<c>1m, 5m, 15m, 1h, 4h, 1d, 1w</c>).</summary>
internal static class Resolution
{
    public static IReadOnlyList<string> Supported { get; } = ["1", "5", "15", "60", "360", "D", "W"];

    public static TimeSpan? Parse(string value) => value switch
    {
        "D" or "1D" or "1d" => TimeSpan.FromDays(1),
        "W" or "1W" or "1w" => TimeSpan.FromDays(7),
        "1h" => TimeSpan.FromHours(1),
        "4h" => TimeSpan.FromHours(4),
        "6h" => TimeSpan.FromHours(6),
        _ when value.EndsWith('m') && int.TryParse(value[..^1], out var m) && m > 0 => TimeSpan.FromMinutes(m),
        _ when int.TryParse(value, out var minutes) && minutes is > 0 and <= 10_080 => TimeSpan.FromMinutes(minutes),
        _ => null,
    };
}
