namespace AllexPortal.Exchange.Paging;

/// <summary>The exchange's page-size bounds: 50 by default, 100 at most (and some lists clamp to 50 silently).</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Maximum = 100;

    /// <summary>Brings a requested size into 1..<see cref="Maximum"/>.</summary>
    public static int Clamp(int requested) => Math.Clamp(requested, 1, Maximum);
}
