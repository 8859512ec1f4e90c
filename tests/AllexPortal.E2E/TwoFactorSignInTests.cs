using System.Text.RegularExpressions;
using AllexPortal.E2E.Infrastructure;
using OtpNet;

namespace AllexPortal.E2E;

public sealed partial class TwoFactorSignInTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task User_enables_two_factor_and_signs_in_with_an_authenticator_code()
    {
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl);
        var page = session.Page;
        const string email = "hedy@example.com";

        await session.RegisterAsync(email);
        await session.SignOutAsync();
        await session.SubmitSignInAsync(email);
        Assert.Equal("/", session.Path);

        await page.GotoAsync("/Account/Manage/TwoFactorAuthentication");
        await page.ClickAsync("[data-testid=add-authenticator]");
        var qrCode = await page.WaitForSelectorAsync("[data-testid=authenticator-qr]");
        Assert.StartsWith("data:image/png;base64,", await qrCode!.GetAttributeAsync("src"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "enable-authenticator.png");
        var key = WhiteSpace().Replace(await page.InnerTextAsync("[data-testid=authenticator-key]"), "").ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.FillAsync("[name='Input.Code']", totp.ComputeTotp());
        await page.ClickAsync("[data-testid=authenticator-verify]");
        var recoveryCodes = await page.Locator("[data-testid=recovery-codes] code").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Count);

        await page.ClickAsync("[data-testid=recovery-codes-done]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");
        await session.SignOutAsync();
        await session.SubmitSignInAsync(email);
        Assert.Equal("/Account/LoginWith2fa", session.Path);
        // The code that enabled the authenticator is spent (codes work once): the next step's code, within the
        // one step of clock drift the portal allows, signs in without waiting for the clock.
        await page.FillAsync("[name='Input.TwoFactorCode']", totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.ClickAsync("[data-testid=two-factor-submit]");
        await page.WaitForURLAsync(portal.BaseUrl + "/");

        Assert.Equal("Dashboard", (await page.InnerTextAsync("[data-testid=page-title]")).Trim());
        Assert.Equal(email, (await page.InnerTextAsync("[data-testid=user-name]")).Trim());
        Assert.Empty(session.ConsoleErrors);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
