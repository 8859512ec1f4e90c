using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Faults;
using AllexPortal.Sandbox.Keys;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.Trading;
using AllexPortal.Sandbox.Wallet;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Hosting;

/// <summary>The table of contents of the emulated <c>/v2</c> API.</summary>
internal static class SandboxEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, SandboxExchange exchange)
    {
        var routes = new SandboxRoutes(endpoints, exchange);
        MarketEndpoints.Map(routes);
        AccountEndpoints.Map(routes);
        KeyEndpoints.Map(routes);
        OrderEndpoints.Map(routes);
        WalletEndpoints.Map(routes);
        if (exchange.Options.EnableAdmin)
        {
            AdminEndpoints.Map(endpoints, exchange);
        }
        endpoints.MapFallback(() => WireResults.Message("Not Found", StatusCodes.Status404NotFound));
    }
}
