using AllexPortal.Web.Components.Pages.Connections;
using AllexPortal.Web.Connections;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>The plain warning and the confirmation tick shown for a key that can (or may) withdraw.</summary>
public sealed class WithdrawalWarningTests : BunitContext
{
    public WithdrawalWarningTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_key_that_can_withdraw_shows_the_warning_and_the_confirmation()
    {
        var warning = Render<WithdrawalWarning>(p => p.Add(w => w.Permissions, new KeyPermissions(true, false, CanWithdraw: true)));

        Assert.Contains("can withdraw funds", warning.Find("[data-testid=withdraw-warning]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(warning.FindAll("[data-testid=withdraw-confirm]"));
    }

    [Fact]
    public void A_key_whose_withdrawal_permission_is_unknown_is_treated_as_one_that_can_withdraw()
    {
        var warning = Render<WithdrawalWarning>(p => p.Add(w => w.Permissions, new KeyPermissions(true, true, CanWithdraw: null)));

        Assert.Contains("did not say whether", warning.Find("[data-testid=withdraw-warning]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(warning.FindAll("[data-testid=withdraw-confirm]"));
    }

    [Fact]
    public void A_key_that_cannot_withdraw_shows_no_warning()
    {
        var warning = Render<WithdrawalWarning>(p => p.Add(w => w.Permissions, new KeyPermissions(true, true, CanWithdraw: false)));

        Assert.Empty(warning.FindAll("[data-testid=withdraw-warning]"));
        Assert.Empty(warning.FindAll("[data-testid=withdraw-confirm]"));
    }

    [Fact]
    public void Ticking_the_confirmation_reports_it_to_the_form()
    {
        var confirmed = false;
        var warning = Render<WithdrawalWarning>(p => p
            .Add(w => w.Permissions, new KeyPermissions(true, false, CanWithdraw: true))
            .Add(w => w.ConfirmedChanged, (bool value) => confirmed = value));

        warning.Find("input[data-testid=withdraw-confirm], [data-testid=withdraw-confirm] input").Change(true);

        Assert.True(confirmed);
    }
}
