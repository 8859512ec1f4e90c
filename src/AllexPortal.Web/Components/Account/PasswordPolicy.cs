using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// What a portal password must be (OWASP ASVS 5.0 V6.2): long, of any composition, and not easy to guess.
/// </summary>
/// <remarks>
/// <para>
/// Length is what makes a password strong, so the rule is a minimum of <see cref="MinimumLength"/> characters (ASVS 6.2.1
/// strongly recommends 15, as NIST SP 800-63B does for a password that is the only factor) and no rules about upper
/// case, digits or symbols (6.2.5): a few unrelated words are fine. Up to <see cref="MaximumLength"/> characters are
/// accepted (6.2.9 asks for at least 64), and nothing is trimmed or case-folded (6.2.8).
/// </para>
/// <para>
/// <see cref="GuessableValidator"/> refuses passwords that are long but easy to guess (6.2.4, 6.2.11): zxcvbn's
/// lists of common passwords (30,000, far more than the 3,000 ASVS asks for), words and names, keyboard patterns,
/// repeats and sequences, plus the context words of this site (<see cref="ContextWords"/>) and the user's own e-mail
/// address. A breached-password service (6.2.12) would need the internet, which a self-hosted portal may not have;
/// docs/security.md lists it as not met.
/// </para>
/// </remarks>
public static class PasswordPolicy
{
    /// <summary>The fewest characters a password may have.</summary>
    public const int MinimumLength = 15;

    /// <summary>The most characters a password may have (a bound on the hashing work one request can cause).</summary>
    public const int MaximumLength = 128;

    /// <summary>zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" against an online attack and most
    /// offline ones.</summary>
    public const int MinimumScore = 3;

    /// <summary>The message a length check shows, with the rule in words.</summary>
    public const string LengthMessage = "The password must be at least 15 and at most 128 characters long. Any characters may be used; a few unrelated words work well.";

    /// <summary>The rule in a sentence, shown next to every new-password field before anything is submitted.</summary>
    public const string Hint = "At least 15 characters, any characters. A few unrelated words work well; common passwords, patterns and the name of this site or your e-mail address are refused.";

    /// <summary>Words a user of this site would reach for first (ASVS 6.2.11's documented list).</summary>
    public static readonly IReadOnlyList<string> ContextWords =
        ["allex", "allexportal", "allex portal", "portal", "hollaex", "exchange", "crypto", "bitcoin", "wallet", "trading"];

    /// <summary>Applies the length and composition rules to Identity's own password validator.</summary>
    public static void Apply(PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequiredLength = MinimumLength;
        options.RequiredUniqueChars = 1;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
    }

    /// <summary>The words zxcvbn treats as a dictionary for this user: the site's and the user's own.</summary>
    public static IReadOnlyList<string> UserWords(string? email)
    {
        var words = new List<string>(ContextWords);
        if (!string.IsNullOrWhiteSpace(email))
        {
            words.Add(email);
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at > 0)
            {
                words.Add(email[..at]);
                words.AddRange(email[(at + 1)..].Split('.', StringSplitOptions.RemoveEmptyEntries).Where(part => part.Length >= 3));
            }
        }

        return words;
    }

    /// <summary>True when the password is long enough and hard enough to guess for this e-mail address.</summary>
    public static bool IsHardToGuess(string password, string? email) =>
        Zxcvbn.Zxcvbn.MatchPassword(password, UserWords(email)).Score >= MinimumScore;

    /// <summary>Refuses passwords longer than <see cref="MaximumLength"/> and easy-to-guess ones.</summary>
    public sealed class GuessableValidator : IPasswordValidator<PortalUser>
    {
        /// <summary>The code of the error this validator reports.</summary>
        public const string TooLongCode = "PasswordTooLong";

        /// <summary>The code of the error this validator reports.</summary>
        public const string GuessableCode = "PasswordGuessable";

        /// <inheritdoc />
        public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
        {
            ArgumentNullException.ThrowIfNull(user);
            if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            {
                return Task.FromResult(IdentityResult.Success); // Identity's own validator reports the length.
            }

            if (password.Length > MaximumLength)
            {
                return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = TooLongCode, Description = LengthMessage }));
            }

            return Task.FromResult(IsHardToGuess(password, user.Email ?? user.UserName)
                ? IdentityResult.Success
                : IdentityResult.Failed(new IdentityError
                {
                    Code = GuessableCode,
                    Description = "This password is too easy to guess: it is a common password, a pattern or repeat, or it is built on the site's name or your e-mail address. Add a few more unrelated words.",
                }));
        }
    }
}
