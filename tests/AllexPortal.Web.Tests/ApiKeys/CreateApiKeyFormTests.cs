using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.Components.Pages.ApiKeys;
using Bunit;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>The create-key form checks every field before anything goes to the exchange.</summary>
public sealed class CreateApiKeyFormTests(KeysPortal portal) : KeyComponentContext(portal), IClassFixture<KeysPortal>
{
    [Fact]
    public async Task Empty_form_names_every_missing_field_and_sends_nothing()
    {
        await StartAsync();
        var form = RenderForm();

        form.Find("[data-testid=create-key-submit]").Click();

        Assert.Contains("Enter a name for the key.", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Enter the 6-digit code from your authenticator app.", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Enter the code from the e-mail ALLEX sent you", form.Markup, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("[data-testid=create-key-error]"));
    }

    [Fact]
    public async Task Malformed_ip_address_is_named_in_its_error()
    {
        await StartAsync();
        var form = RenderFilledForm();
        Type(form, "create-key-ips", "203.0.113.7\n10.0.0.300");

        form.Find("[data-testid=create-key-submit]").Click();

        Assert.Contains("\"10.0.0.300\" is not an IPv4 or IPv6 address", form.Markup, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("[data-testid=create-key-error]"));
    }

    [Fact]
    public async Task Network_with_host_bits_suggests_the_network()
    {
        await StartAsync();
        var form = RenderFilledForm();
        Type(form, "create-key-ips", "10.0.0.1/8");

        form.Find("[data-testid=create-key-submit]").Click();

        Assert.Contains("did you mean 10.0.0.0/8?", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_in_the_2fa_code_are_refused()
    {
        await StartAsync();
        var form = RenderFilledForm();
        Type(form, "create-key-otp", "12a456");

        form.Find("[data-testid=create-key-submit]").Click();

        Assert.Contains("Enter the 6-digit code from your authenticator app.", form.Markup, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("[data-testid=create-key-error]"));
    }

    [Fact]
    public async Task Withdraw_permission_asks_for_a_confirmation_first()
    {
        await StartAsync();
        var form = RenderFilledForm();
        Tick(form, "create-key-withdraw");

        form.Find("[data-testid=create-key-submit]").Click();

        Assert.NotEmpty(form.FindAll("[data-testid=create-key-withdraw-warning]"));
        Assert.Contains("Confirm the withdraw permission", form.Find("[data-testid=create-key-permissions-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("[data-testid=create-key-error]"));
    }

    [Fact]
    public async Task Valid_form_creates_the_key_and_hands_over_its_secret()
    {
        await StartAsync();
        await SignInAsync();
        ApiKeyCreation? created = null;
        var form = Render<CreateApiKeyForm>(p => p
            .Add(f => f.UserId, UserId)
            .Add(f => f.Created, (ApiKeyCreation c) => created = c));
        var name = $"form {Guid.NewGuid():N}";
        form.Find("[data-testid=create-key-send-code]").Click();
        form.WaitForElement("[data-testid=create-key-code-sent]", Wait);
        Type(form, "create-key-name", name);
        Type(form, "create-key-otp", Portal.DemoOtp());
        Type(form, "create-key-email-code", Portal.DemoEmailCode());

        form.Find("[data-testid=create-key-submit]").Click();

        form.WaitForAssertion(() => Assert.NotNull(created), Wait);
        Assert.Equal(name, created!.Key.Name);
        Assert.True(created.Secret.IsAvailable);
        Assert.DoesNotContain(created.Secret.Reveal().ApiSecret, form.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<CreateApiKeyForm> RenderForm() =>
        Render<CreateApiKeyForm>(p => p.Add(f => f.UserId, UserId));

    private IRenderedComponent<CreateApiKeyForm> RenderFilledForm()
    {
        var form = RenderForm();
        Type(form, "create-key-name", "Portal reader");
        Type(form, "create-key-otp", "123456");
        Type(form, "create-key-email-code", "654321");
        return form;
    }
}
