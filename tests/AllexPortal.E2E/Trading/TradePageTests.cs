using AllexPortal.E2E.Infrastructure;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace AllexPortal.E2E.Trading;

/// <summary>
/// The Trade and Deposit &amp; withdraw pages in a real browser: a registered user with the sandbox's trading key
/// places a limit order, sees it among the open orders and cancels it (the sandbox's own books are the truth), then
/// asks for a quick-trade quote and executes it; plus the light, dark and phone screenshots.
/// </summary>
public sealed class TradePageTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private SandboxExchange Sandbox => portal.Services.GetRequiredService<SandboxExchange>();

    [Fact]
    public async Task A_registered_user_places_a_limit_order_sees_it_open_and_cancels_it()
    {
        await using var session = await TraderSessionAsync(1280, 900);
        var price = Math.Floor(Sandbox.PriceOf("btc-usdt") / 2m);
        var before = Sandbox.LiveOrdersOf(Sandbox.Options.Demo.Email).Select(o => o.Id).ToHashSet();

        await Eventually.SucceedsAsync("the order ticket to accept the order", async () =>
        {
            await session.Page.FillAsync(Input("order-size"), "0.001");
            await session.Page.FillAsync(Input("order-price"), price.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await session.Page.Keyboard.PressAsync("Tab");
            await session.Page.ClickAsync("[data-testid=order-review]");
            return await Visible(session, "[data-testid=order-confirmation]");
        });
        await Screenshots.SaveAsync(session.Page, "trade-confirm-1280.png");
        Assert.Contains("Estimated fee", await session.Page.Locator("[data-testid=order-confirmation]").InnerTextAsync(), StringComparison.Ordinal);
        await session.Page.ClickAsync("[data-testid=order-place]");
        await session.Page.WaitForSelectorAsync("[data-testid=order-result]");
        var placed = Sandbox.LiveOrdersOf(Sandbox.Options.Demo.Email).Single(o => !before.Contains(o.Id));
        var row = session.Page.Locator($"[data-testid=open-order][data-order='{placed.Id}']");
        await row.WaitForAsync();
        await Screenshots.SaveAsync(session.Page, "trade-1280.png");

        await row.Locator("[data-testid=open-order-cancel]").ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel order" }).ClickAsync();
        await session.Page.WaitForSelectorAsync("[data-testid=cancel-result]");

        Assert.Contains("placed, open", await session.Page.Locator("[data-testid=order-result]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("was cancelled", await session.Page.Locator("[data-testid=cancel-result]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Sandbox.LiveOrdersOf(Sandbox.Options.Demo.Email), o => o.Id == placed.Id && o.Status is "new" or "pfilled");
        await Eventually.SucceedsAsync("the cancelled order to leave the open orders", async () => await row.CountAsync() == 0);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_registered_user_gets_a_quick_trade_quote_with_a_countdown_and_executes_it()
    {
        await using var session = await TraderSessionAsync(1280, 900);
        var trades = Sandbox.TradesOf(Sandbox.Options.Demo.Email).Count;
        await session.Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Quick trade" }).ClickAsync();

        await Eventually.SucceedsAsync("a quote to arrive", async () =>
        {
            await session.Page.FillAsync(Input("quick-amount"), "100");
            await session.Page.Keyboard.PressAsync("Tab");
            await session.Page.ClickAsync("[data-testid=quick-quote]");
            return await Visible(session, "[data-testid=quick-offer]");
        });
        var countdown = await session.Page.Locator("[data-testid=quick-countdown]").InnerTextAsync();
        await Screenshots.SaveAsync(session.Page, "trade-quick-1280.png");
        await session.Page.ClickAsync("[data-testid=quick-execute]");
        await session.Page.WaitForSelectorAsync("[data-testid=quick-result]");

        Assert.Matches(@"valid for \d+ s", countdown);
        Assert.Matches(@"^Traded [0-9.]+ USDT for [0-9.]+ BTC", await session.Page.Locator("[data-testid=quick-result]").InnerTextAsync());
        Assert.True(Sandbox.TradesOf(Sandbox.Options.Demo.Email).Count > trades);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_registered_user_signs_in_to_the_exchange_and_gets_a_deposit_address_with_its_qr_code()
    {
        await using var session = await TraderSessionAsync(1280, 900);
        var demo = Sandbox.Options.Demo;
        await session.Page.GotoAsync("/wallet");
        await session.WaitUntilInteractiveAsync();

        await Eventually.SucceedsAsync("the sign-in dialog to open", async () =>
        {
            await session.Page.ClickAsync("[data-testid=exchange-sign-in]");
            return await Visible(session, "[data-testid=exchange-sign-in-dialog]");
        });
        await session.Page.FillAsync(Input("exchange-email"), demo.Email);
        await session.Page.FillAsync(Input("exchange-password"), demo.Password);
        await session.Page.ClickAsync("[data-testid=exchange-show-otp]");
        await session.Page.FillAsync(Input("exchange-otp"), new Totp(Base32Encoding.ToBytes(demo.TotpSecret)).ComputeTotp());
        await session.Page.ClickAsync("[data-testid=exchange-sign-in-submit]");
        await session.Page.WaitForSelectorAsync("[data-testid=exchange-signed-in]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await session.Page.ClickAsync("[data-testid=deposit-create]");
        await session.Page.WaitForSelectorAsync("[data-testid=deposit-qr]");
        await Screenshots.SaveAsync(session.Page, "wallet-1280.png");

        var shown = (await session.Page.Locator("[data-testid=deposit-shown-address]").InnerTextAsync()).Trim();
        var qr = await session.Page.Locator("[data-testid=deposit-qr]").GetAttributeAsync("src");
        var exchange = portal.Services.GetRequiredService<IAllexClientFactory>()
            .ForApiKey(portal.Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
        var profile = await exchange.User.GetProfileAsync(TestContext.Current.CancellationToken);
        Assert.Contains(profile.Wallet, w => w.Address == shown && w.Currency == "btc");
        Assert.StartsWith("data:image/png;base64,", qr, StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task The_trade_and_wallet_pages_in_dark_and_on_a_phone()
    {
        await using var dark = await TraderSessionAsync(1280, 900);
        await dark.ToggleThemeAsync();
        await Screenshots.SaveAsync(dark.Page, "trade-dark-1280.png");
        await dark.Page.GotoAsync("/wallet");
        await dark.Page.WaitForSelectorAsync("[data-testid=exchange-sign-in]");
        await Screenshots.SaveAsync(dark.Page, "wallet-dark-1280.png");

        await using var phone = await TraderSessionAsync(375, 812);
        await Screenshots.SaveAsync(phone.Page, "trade-375.png");
        await phone.Page.GotoAsync("/wallet");
        await phone.Page.WaitForSelectorAsync("[data-testid=exchange-sign-in]");
        await Screenshots.SaveAsync(phone.Page, "wallet-375.png");

        var overflow = await phone.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The wallet page scrolls sideways on a 375 px phone.");
        Assert.Empty(dark.ConsoleErrors);
        Assert.Empty(phone.ConsoleErrors);
    }

    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private static async Task<bool> Visible(PortalSession session, string selector)
    {
        for (var wait = 0; wait < 20; wait++)
        {
            if (await session.Page.Locator(selector).IsVisibleAsync())
            {
                return true;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        return false;
    }

    /// <summary>Registers a new portal user in the browser, stores the sandbox demo key (read and trade) as their connection and opens the Trade page.</summary>
    private async Task<PortalSession> TraderSessionAsync(int width, int height)
    {
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, width, height);
        var email = $"trader-{Guid.NewGuid().ToString("N")[..6]}@example.com";
        await session.RegisterAsync(email);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
            var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
            var demo = Sandbox.Options.Demo;
            await connections.AddAsync(user!.Id, "Sandbox trading", connections.DefaultBaseUrl.ToString(), demo.ApiKey, demo.ApiSecret,
                cancellationToken: TestContext.Current.CancellationToken);
        }

        await session.Page.GotoAsync("/trade");
        await session.WaitUntilInteractiveAsync();
        await session.Page.WaitForSelectorAsync("[data-testid=order-ticket]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await session.Page.WaitForSelectorAsync("[data-testid=open-orders], [data-testid=open-orders-empty]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return session;
    }
}
