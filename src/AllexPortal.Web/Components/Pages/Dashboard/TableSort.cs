namespace AllexPortal.Web.Components.Pages.Dashboard;

/// <summary>
/// Click-to-sort state of a small table drawn as plain HTML with MudBlazor's table classes (see <see cref="AssetTable"/>):
/// the first click on a column sorts it ascending, the next one descending. Ties keep the rows' given order.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class TableSort<T>
{
    private readonly IReadOnlyList<Func<T, IComparable?>> keys;

    /// <param name="keys">One sort key per column, in column order.</param>
    /// <param name="initialColumn">The column sorted at first.</param>
    /// <param name="initialDescending">Whether that first sort is descending.</param>
    public TableSort(IReadOnlyList<Func<T, IComparable?>> keys, int initialColumn, bool initialDescending)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(initialColumn);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(initialColumn, keys.Count);
        this.keys = keys;
        Column = initialColumn;
        Descending = initialDescending;
    }

    /// <summary>The sorted column.</summary>
    public int Column { get; private set; }

    /// <summary>Whether <see cref="Column"/> sorts descending.</summary>
    public bool Descending { get; private set; }

    /// <summary>Sorts by <paramref name="column"/>: ascending when it was not the sorted column, else the other way.</summary>
    public void Toggle(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, keys.Count);
        Descending = column == Column && !Descending;
        Column = column;
    }

    /// <summary>The rows in the current order.</summary>
    public IEnumerable<T> Apply(IEnumerable<T> rows)
    {
        var key = keys[Column];
        return Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
    }

    /// <summary>The <c>aria-sort</c> value of <paramref name="column"/>'s header.</summary>
    public string AriaSort(int column) => column != Column ? "none" : Descending ? "descending" : "ascending";
}
