namespace AllexPortal.Web.History;

/// <summary>The order statuses the exchange reports, plus <see cref="Open"/>, the filter for orders that can still fill.</summary>
public static class OrderStatuses
{
    public const string Open = "open";
    public const string New = "new";
    public const string PartlyFilled = "pfilled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
}
