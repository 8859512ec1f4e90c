using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// ASVS 5.0 V6.2 (password security): long passwords of any composition, nothing easy to guess, nothing changed
/// on the way in. Each case goes through the portal's real <see cref="UserManager{TUser}"/>, as registration, a
/// password reset and a password change do.
/// </summary>
public sealed class PasswordPolicyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("correct horse battery staple")] // lower case and spaces only: no composition rules (6.2.5)
    [InlineData("зелёный слон летит над морем")] // any Unicode
    [InlineData("trombone-quietly-lantern")]
    [InlineData("Correct-Horse-7")] // exactly 15 characters
    public async Task Long_passwords_of_any_composition_are_accepted(string password)
    {
        var result = await CreateAsync($"any-{Guid.NewGuid():N}@example.com", password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("short horse 12")] // 14 characters (6.2.1)
    [InlineData("abc")]
    public async Task Passwords_under_fifteen_characters_are_refused(string password)
    {
        var result = await CreateAsync($"short-{Guid.NewGuid():N}@example.com", password);

        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
    }

    [Theory]
    [InlineData("Password12345678")] // a common password with digits (6.2.4)
    [InlineData("passwordpassword")] // a repeat
    [InlineData("qwertyuiop123456")] // keyboard walk
    [InlineData("111111111111111")]
    [InlineData("abcdefghijklmnop")] // a sequence
    [InlineData("allexportal2026!")] // the site's own name (6.2.11)
    [InlineData("mybitcoinwallet1")] // the site's context words
    [InlineData("Bitcoin2026Bitcoin")]
    public async Task Easy_to_guess_passwords_are_refused_however_long(string password)
    {
        var result = await CreateAsync($"guess-{Guid.NewGuid():N}@example.com", password);

        Assert.Contains(result.Errors, e => e.Code == PasswordPolicy.GuessableValidator.GuessableCode);
    }

    [Fact]
    public async Task A_password_built_on_the_users_own_email_address_is_refused()
    {
        var local = $"katherine{Guid.NewGuid():N}"[..14];
        var email = $"{local}@example.com";

        var result = await CreateAsync(email, local + "1234567");

        Assert.Contains(result.Errors, e => e.Code == PasswordPolicy.GuessableValidator.GuessableCode);
    }

    [Fact]
    public async Task Passwords_of_sixty_four_characters_are_accepted_and_longer_than_128_refused()
    {
        var sixtyFour = string.Join(' ', Enumerable.Repeat("granite orchard umbrella vivid", 3))[..64];
        var tooLong = string.Join(' ', Enumerable.Repeat("granite orchard umbrella vivid", 5))[..129];

        var accepted = await CreateAsync($"long-{Guid.NewGuid():N}@example.com", sixtyFour);
        var refused = await CreateAsync($"longer-{Guid.NewGuid():N}@example.com", tooLong);

        Assert.Equal(64, sixtyFour.Length);
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors.Select(e => e.Description)));
        Assert.Contains(refused.Errors, e => e.Code == PasswordPolicy.GuessableValidator.TooLongCode);
    }

    [Fact]
    public async Task The_password_is_checked_exactly_as_typed_with_no_trimming_or_case_folding()
    {
        var email = $"exact-{Guid.NewGuid():N}@example.com";
        const string password = " Trombone Quietly Lantern ";
        await portal.RegisterUserAsync(email, password);
        using var client = portal.CreatePortalClient();

        using var trimmed = await client.SignInAsync(email, password.Trim());
        using var lowered = await client.SignInAsync(email, password.ToLowerInvariant());
        using var exact = await client.SignInAsync(email, password);

        Assert.NotEqual("/", Location(trimmed));
        Assert.NotEqual("/", Location(lowered));
        Assert.Equal("/", PortalClient.RedirectPath(exact));
    }

    [Fact]
    public async Task The_registration_page_states_the_rule_before_anything_is_submitted_and_refuses_a_weak_password_with_it()
    {
        var email = $"weak-{Guid.NewGuid():N}@example.com";
        using var client = portal.CreatePortalClient();
        using var page = await client.GetAsync("/Account/Register");
        var form = await page.Content.ReadAsStringAsync(Ct);

        using var refused = await client.RegisterAsync(email, "Password12345678");
        var answer = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(PasswordPolicy.Hint), form, StringComparison.Ordinal);
        Assert.Contains("too easy to guess", answer, StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), Ct));
    }

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    private async Task<IdentityResult> CreateAsync(string email, string password)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.CreateAsync(new PortalUser { UserName = email, Email = email }, password);
    }
}
