namespace AllexPortal.Web.Orders;

/// <summary>Registers order actions (cancel) for the history pages.</summary>
public static class OrderServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrderCancellation>();
        return builder;
    }
}
