using System.Globalization;

namespace AllexPortal.Web.History;

/// <summary>
/// Where a page in the default time order ended: the last row's time and id. The next page starts strictly after
/// it, which the (connection, time, id) indexes answer with one seek however deep the page is.
/// </summary>
public readonly record struct HistoryCursor(DateTimeOffset Time, long Id)
{
    /// <summary>The cursor as the query string carries it, e.g. <c>638712345678900000.1234</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Time.UtcTicks}.{Id}");

    /// <summary>Reads a cursor written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, out HistoryCursor cursor)
    {
        cursor = default;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        cursor = new HistoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
