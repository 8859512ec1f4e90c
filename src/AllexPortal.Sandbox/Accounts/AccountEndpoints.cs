using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Listing;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Accounts;

/// <summary>Sign-up, login, session, profile, balance, 2FA, e-mail codes, balance history and P&amp;L.</summary>
internal static class AccountEndpoints
{
    private const string InvalidOtp = "Invalid OTP Code";

    /// <summary>The sandbox's own text: the Kit's wording for a deactivated account is not pinned down by the reference.</summary>
    private const string DeactivatedAccount = "This account is deactivated. Contact support.";

    public static void Map(SandboxRoutes routes)
    {
        var exchange = routes.Exchange;
        var state = exchange.State;
        Func<DateTimeOffset> now = exchange.Time.GetUtcNow;

        routes.Public("POST", "/signup", request =>
        {
            var email = request.RequiredBodyString("email").Trim().ToLowerInvariant();
            var password = request.RequiredBodyString("password");
            if (!MailAddress.TryCreate(email, out _))
            {
                throw SandboxError.BadRequest("Invalid email");
            }
            if (password.Length < 8 || password.Length > 128 || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            {
                throw SandboxError.BadRequest("Invalid password. It has to contain at least 8 characters, at least one digit and one character.");
            }
            if (state.FindUser(email) is not null)
            {
                throw SandboxError.BadRequest("User already exists");
            }
            var user = state.AddUser(email, password, now());
            foreach (var (coin, amount) in exchange.Options.SignupDeposits)
            {
                if (state.Catalog.FindCoin(coin) is not null && amount > 0)
                {
                    exchange.CreditDeposit(user, coin, amount, "Sandbox welcome deposit");
                }
            }
            return WireResults.Message("User successfully registered", StatusCodes.Status201Created);
        });

        routes.Public("POST", "/login", request =>
        {
            var email = request.RequiredBodyString("email");
            var password = request.RequiredBodyString("password");
            var user = state.FindUser(email.Trim());
            if (user is null || user.IsHouse || !CryptographicOperations.FixedTimeEquals(user.PasswordHash, SandboxState.HashPassword(password)))
            {
                throw SandboxError.BadRequest("Incorrect credentials.");
            }
            if (user.Deactivated)
            {
                throw SandboxError.BadRequest(DeactivatedAccount);
            }
            if (user.OtpEnabled && !OtpCheck.IsValid(user.OtpSecret, request.BodyString("otp_code"), now()))
            {
                throw SandboxError.BadRequest(InvalidOtp);
            }
            var token = exchange.Sessions.Issue(user, request.ClientIp, request.BodyBool("long_term") ?? false);
            return WireResults.Json(new Dictionary<string, object> { ["token"] = token }, StatusCodes.Status201Created);
        });

        routes.Private("GET", "/verify-token", AuthPolicy.BearerOnly, (_, _) => WireResults.Message("Valid Token"));
        routes.Private("GET", "/logout", AuthPolicy.BearerOnly, (_, caller) =>
        {
            exchange.Sessions.Revoke(caller.BearerToken!);
            return WireResults.Message("Success");
        });

        routes.Private("GET", "/user", AuthPolicy.Either(KeyPermission.Read), (_, caller) => WireResults.Json(Profile(exchange, caller.User)));
        routes.Private("GET", "/user/balance", AuthPolicy.Either(KeyPermission.Read), (_, caller) => WireResults.Json(Balance(exchange, caller.User)));

        routes.Private("GET", "/user/request-otp", AuthPolicy.BearerOnly, (_, caller) =>
        {
            if (caller.User.OtpEnabled)
            {
                throw SandboxError.BadRequest("OTP is already enabled");
            }
            caller.User.PendingOtpSecret ??= OtpCheck.NewSecret(state.Ids);
            return WireResults.Json(new Dictionary<string, object> { ["secret"] = caller.User.PendingOtpSecret });
        });
        routes.Private("POST", "/user/activate-otp", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var user = caller.User;
            if (user.OtpEnabled)
            {
                throw SandboxError.BadRequest("OTP is already enabled");
            }
            if (!OtpCheck.IsValid(user.PendingOtpSecret, request.RequiredBodyString("code"), now()))
            {
                throw SandboxError.BadRequest(InvalidOtp);
            }
            user.OtpSecret = user.PendingOtpSecret;
            user.PendingOtpSecret = null;
            user.OtpEnabled = true;
            return WireResults.Message("OTP enabled");
        });
        routes.Private("POST", "/user/deactivate-otp", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var user = caller.User;
            if (!user.OtpEnabled || !OtpCheck.IsValid(user.OtpSecret, request.RequiredBodyString("code"), now()))
            {
                throw SandboxError.BadRequest(InvalidOtp);
            }
            user.OtpEnabled = false;
            return WireResults.Message("OTP disabled");
        });
        routes.Private("GET", "/user/request-email-confirmation", AuthPolicy.BearerOnly, (_, caller) =>
        {
            var code = state.Ids.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            caller.User.EmailCode = code;
            caller.User.EmailCodeExpiry = now().AddMinutes(5);
            exchange.Logger.LogInformation("Sandbox e-mail to {Email}: confirmation code {Code}", caller.User.Email, code);
            return WireResults.Message("Success");
        });

        routes.Private("GET", "/user/balance-history", AuthPolicy.Either(KeyPermission.Read), (request, caller) =>
        {
            if (!exchange.Options.EnableBalanceHistory)
            {
                throw SandboxError.BadRequest("Feature is not active");
            }
            var query = ListQuery.From(request, exchange.Options.MaxPageSize);
            var coins = state.Catalog.Coins;
            return query.Respond(caller.User.Snapshots, _ => true, s => s.CreatedAt,
                new Dictionary<string, Func<BalanceSnapshot, object?>>
                {
                    ["created_at"] = s => s.CreatedAt,
                    ["id"] = s => s.Id,
                    ["user_id"] = s => caller.User.Id,
                    ["total"] = s => s.Total,
                },
                s => new Dictionary<string, object>
                {
                    ["id"] = s.Id,
                    ["user_id"] = caller.User.Id,
                    ["balance"] = coins.Select((c, i) => (c.Symbol, i)).Where(x => s.Balances[x.i] != 0).ToDictionary(
                        x => x.Symbol,
                        x => new Dictionary<string, decimal> { ["original_value"] = s.Balances[x.i], ["native_currency_value"] = s.Values[x.i] }),
                    ["total"] = s.Total,
                    ["created_at"] = s.CreatedAt,
                });
        });

        routes.Private("GET", "/user/balance-pl", AuthPolicy.Either(KeyPermission.Read), (request, caller) =>
        {
            if (!exchange.Options.EnableProfitAndLoss)
            {
                throw SandboxError.BadRequest("Feature is not active");
            }
            var period = request.QueryInt("period");
            int[] periods = period is null ? [7, 30, 90] : [period.Value];
            if (periods.Any(p => p is not (7 or 30 or 90)))
            {
                throw ValidationError.Enum("period", period!.Value.ToString(CultureInfo.InvariantCulture), ["7", "30", "90"]);
            }
            return WireResults.Json(periods.ToDictionary(p => p.ToString(CultureInfo.InvariantCulture), p => ProfitAndLoss(exchange, caller.User, p)));
        });
    }

    public static Dictionary<string, object> Balance(SandboxExchange exchange, SandboxUser user)
    {
        var balance = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["user_id"] = user.Id,
            ["updated_at"] = user.BalanceUpdatedAt,
        };
        var coins = exchange.State.Catalog.Coins;
        for (var i = 0; i < coins.Count; i++)
        {
            balance[coins[i].Symbol + "_balance"] = user.Available[i] + user.Held[i];
            balance[coins[i].Symbol + "_available"] = user.Available[i];
        }
        return balance;
    }

    private static Dictionary<string, object?> Profile(SandboxExchange exchange, SandboxUser user)
    {
        var balance = Balance(exchange, user);
        balance.Remove("user_id");
        return new Dictionary<string, object?>
        {
            ["id"] = user.Id,
            ["email"] = user.Email,
            ["username"] = user.Email.Split('@')[0],
            ["full_name"] = "",
            ["gender"] = false,
            ["nationality"] = "",
            ["dob"] = null,
            ["phone_number"] = "",
            ["address"] = new Dictionary<string, string> { ["country"] = "", ["address"] = "", ["postal_code"] = "", ["city"] = "" },
            ["id_data"] = new Dictionary<string, object> { ["status"] = 0 },
            ["bank_account"] = Array.Empty<object>(),
            ["verification_level"] = user.VerificationLevel,
            ["email_verified"] = true,
            ["otp_enabled"] = user.OtpEnabled,
            ["activated"] = true,
            ["affiliation_code"] = "SBX" + user.Id.ToString("D5", CultureInfo.InvariantCulture),
            ["settings"] = new Dictionary<string, object>
            {
                ["language"] = "en",
                ["interface"] = new Dictionary<string, object> { ["theme"] = "dark", ["order_book_levels"] = 10 },
                ["notification"] = new Dictionary<string, object>(),
                ["audio"] = new Dictionary<string, object>(),
                ["risk"] = new Dictionary<string, object>(),
                ["chat"] = new Dictionary<string, object>(),
            },
            ["network_id"] = user.Id + 1000,
            ["discount"] = 0,
            ["created_at"] = user.CreatedAt,
            ["updated_at"] = user.BalanceUpdatedAt,
            ["balance"] = balance,
            ["wallet"] = user.Wallet.Select(w => new Dictionary<string, object?>
            {
                ["currency"] = w.Currency,
                ["address"] = w.Address,
                ["network"] = w.Network,
                ["standard"] = w.Standard,
                ["is_valid"] = w.IsValid,
                ["created_at"] = w.CreatedAt,
            }).ToList(),
        };
    }

    /// <summary>Value change over the period net of deposits and withdrawals, per coin and in total (usdt).</summary>
    private static Dictionary<string, object> ProfitAndLoss(SandboxExchange exchange, SandboxUser user, int days)
    {
        var now = exchange.Time.GetUtcNow();
        var from = now.AddDays(-days);
        var coins = exchange.State.Catalog.Coins;
        var start = user.Snapshots.LastOrDefault(s => s.CreatedAt <= from);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        decimal total = 0, invested = 0;
        for (var i = 0; i < coins.Count; i++)
        {
            var symbol = coins[i].Symbol;
            var price = (decimal)exchange.Prices.UsdtPrice(symbol, now);
            var startValue = start?.Values[i] ?? 0;
            var flows = user.Deposits.Where(d => d.Currency == symbol && d.CreatedAt > from).Sum(d => d.Amount)
                - user.Withdrawals.Where(w => w.Currency == symbol && w.CreatedAt > from).Sum(w => w.Amount + w.Fee);
            var pnl = Math.Round((user.Available[i] + user.Held[i]) * price - startValue - flows * price, 2);
            var basis = startValue + Math.Max(0, flows * price);
            total += pnl;
            invested += basis;
            result[symbol] = new Dictionary<string, decimal>
            {
                ["cumulativePNL"] = pnl,
                ["cumulativePNLPercentage"] = basis == 0 ? 0 : Math.Round(pnl / basis * 100, 2),
            };
        }
        result["total"] = total;
        result["totalPercentage"] = invested == 0 ? 0 : Math.Round(total / invested * 100, 2);
        return result;
    }
}
