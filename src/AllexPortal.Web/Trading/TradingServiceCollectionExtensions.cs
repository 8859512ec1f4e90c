using AllexPortal.Web.Wallet;

namespace AllexPortal.Web.Trading;

/// <summary>Registers placing orders, quick trade, deposit addresses and withdrawals.</summary>
public static class TradingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalTrading(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarketRules>();
        builder.Services.AddScoped<ConnectionOpener>();
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<QuickTradeDesk>();
        builder.Services.AddScoped<DepositAddresses>();
        builder.Services.AddScoped<WithdrawalDesk>();
        return builder;
    }
}
