using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Listing;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Wallet;

/// <summary>Deposit addresses, deposit and withdrawal history, withdrawals and their fees.</summary>
internal static class WalletEndpoints
{
    public static void Map(SandboxRoutes routes)
    {
        var exchange = routes.Exchange;
        var state = exchange.State;
        Func<DateTimeOffset> now = exchange.Time.GetUtcNow;

        routes.Private("GET", "/user/create-address", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var crypto = request.RequiredQuery("crypto");
            var coin = state.Catalog.FindCoin(crypto) ?? throw SandboxError.NotFound($"Invalid crypto: \"{crypto}\"");
            var network = request.Query("network") ?? (coin.Networks.Count == 1 ? coin.DefaultNetwork : throw SandboxError.BadRequest("Invalid network"));
            if (!coin.Networks.Contains(network))
            {
                throw SandboxError.BadRequest("Invalid network");
            }
            var existing = caller.User.Wallet.FirstOrDefault(w => w.Currency == crypto && w.Network == network);
            if (existing is null)
            {
                existing = new DepositAddress(crypto, SandboxAddresses.For(caller.User.Id, crypto + ":" + network), network, null, true, now());
                caller.User.Wallet.Add(existing);
            }
            return WireResults.Json(new Dictionary<string, object>
            {
                ["message"] = "Success",
                ["address"] = existing.Address,
                ["crypto"] = crypto,
                ["network"] = network,
            }, StatusCodes.Status201Created);
        });

        routes.Private("GET", "/user/deposits", AuthPolicy.Either(KeyPermission.Read), (request, caller) => History(exchange, request, caller.User.Deposits));
        routes.Private("GET", "/user/withdrawals", AuthPolicy.Either(KeyPermission.Read), (request, caller) => History(exchange, request, caller.User.Withdrawals));

        routes.Public("GET", "/user/withdrawal/fee", request =>
        {
            var currency = request.RequiredQuery("currency");
            var coin = state.Catalog.FindCoin(currency) ?? throw SandboxError.BadRequest($"Invalid currency: \"{currency}\"");
            return WireResults.Json(new Dictionary<string, object> { ["fee"] = coin.WithdrawalFee });
        });

        routes.Private("GET", "/user/withdrawal/max", AuthPolicy.Either(KeyPermission.Read), (request, caller) =>
        {
            var currency = request.RequiredQuery("currency");
            var coin = state.Catalog.FindCoin(currency) ?? throw SandboxError.BadRequest($"Invalid currency: \"{currency}\"");
            var available = caller.User.Available[coin.Id - 1];
            return WireResults.Json(new Dictionary<string, object> { ["amount"] = Math.Max(0, Math.Min(coin.Max, available - coin.WithdrawalFee)) });
        });

        routes.Private("POST", "/user/request-withdrawal", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var user = caller.User;
            var (coin, amount, address, network) = ReadWithdrawal(state, request);
            if (user.OtpEnabled && !OtpCheck.IsValid(user.OtpSecret, request.BodyString("otp_code"), now()))
            {
                throw SandboxError.BadRequest("Invalid OTP Code");
            }
            if (exchange.Options.ConfirmWithdrawalsByEmail)
            {
                if (user.Available[coin.Id - 1] < amount + coin.WithdrawalFee)
                {
                    throw SandboxError.BadRequest("Insufficient balance");
                }
                var code = state.NewHex(16);
                user.PendingWithdrawals[code] = new PendingWithdrawal(coin.Symbol, amount, address, network, now().AddMinutes(5));
                user.EmailCode = code;
                user.EmailCodeExpiry = now().AddMinutes(5);
                exchange.Logger.LogInformation("Sandbox e-mail to {Email}: withdrawal confirmation code {Code}", user.Email, code);
                return WireResults.Message("Success");
            }
            Withdraw(exchange, user, coin, amount, address, network);
            return WireResults.Message("Success");
        });

        routes.Public("POST", "/user/confirm-withdrawal", request =>
        {
            var code = request.RequiredBodyString("token");
            var user = state.Users.FirstOrDefault(u => u.PendingWithdrawals.ContainsKey(code)) ?? throw SandboxError.BadRequest("Invalid token");
            var pending = user.PendingWithdrawals[code];
            user.PendingWithdrawals.Remove(code);
            if (pending.Expiry < now())
            {
                throw SandboxError.BadRequest("Token is expired");
            }
            var coin = state.Catalog.FindCoin(pending.Currency) ?? throw SandboxError.BadRequest("Invalid token");
            var transfer = Withdraw(exchange, user, coin, pending.Amount, pending.Address, pending.Network);
            return WireResults.Json(new Dictionary<string, object>
            {
                ["message"] = "Withdrawal successful",
                ["transaction_id"] = transfer.TransactionId,
                ["fee"] = transfer.Fee,
            });
        });

        routes.Private("DELETE", "/user/withdrawal", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var id = request.QueryInt("id") ?? throw ValidationError.Required("id");
            var withdrawal = caller.User.Withdrawals.FirstOrDefault(w => w.Id == id) ?? throw SandboxError.NotFound("Withdrawal not found");
            throw SandboxError.BadRequest(withdrawal.Status ? "Withdrawal is already processed" : "Withdrawal can not be canceled");
        });

        routes.Private("POST", "/user/withdrawal", AuthPolicy.HmacOnly(KeyPermission.Withdraw), (request, caller) =>
        {
            var (coin, amount, address, network) = ReadWithdrawal(state, request);
            var transfer = Withdraw(exchange, caller.User, coin, amount, address, network);
            return WireResults.Json(new Dictionary<string, object>
            {
                ["message"] = "Withdrawal request is in the queue and will be processed.",
                ["id"] = transfer.Id,
                ["transaction_id"] = transfer.TransactionId,
                ["amount"] = transfer.Amount,
                ["currency"] = transfer.Currency,
                ["fee"] = transfer.Fee,
                ["fee_coin"] = transfer.FeeCoin,
            });
        });
    }

    private static IResult History(SandboxExchange exchange, SandboxRequest request, List<SandboxTransfer> source)
    {
        var query = ListQuery.From(request, exchange.Options.MaxPageSize);
        var currency = request.Query("currency");
        var transactionId = request.Query("transaction_id");
        var address = request.Query("address");
        var status = request.QueryBool("status");
        var dismissed = request.QueryBool("dismissed");
        var rejected = request.QueryBool("rejected");
        var processing = request.QueryBool("processing");
        var waiting = request.QueryBool("waiting");
        return query.Respond(source,
            t => (currency is null || t.Currency == currency) && (transactionId is null || t.TransactionId == transactionId)
                && (address is null || t.Address == address) && (status is null || t.Status == status)
                && (dismissed is null || t.Dismissed == dismissed) && (rejected is null || t.Rejected == rejected)
                && (processing is null || t.Processing == processing) && (waiting is null || t.Waiting == waiting),
            t => t.CreatedAt,
            new Dictionary<string, Func<SandboxTransfer, object?>>
            {
                ["created_at"] = t => t.CreatedAt,
                ["updated_at"] = t => t.UpdatedAt,
                ["id"] = t => t.Id,
                ["amount"] = t => t.Amount,
                ["currency"] = t => t.Currency,
            },
            t => t);
    }

    private static (Coin Coin, decimal Amount, string Address, string Network) ReadWithdrawal(SandboxState state, SandboxRequest request)
    {
        var currency = request.RequiredBodyString("currency");
        var amount = request.RequiredBodyDecimal("amount");
        var address = request.RequiredBodyString("address");
        var coin = state.Catalog.FindCoin(currency) ?? throw SandboxError.BadRequest($"Invalid currency: \"{currency}\"");
        var network = request.BodyString("network") ?? coin.DefaultNetwork;
        if (!coin.Networks.Contains(network))
        {
            throw SandboxError.BadRequest("Invalid network");
        }
        if (amount < coin.Min || amount > coin.Max)
        {
            throw SandboxError.BadRequest("Invalid amount");
        }
        return (coin, amount, address, network);
    }

    private static SandboxTransfer Withdraw(SandboxExchange exchange, SandboxUser user, Coin coin, decimal amount, string address, string network)
    {
        var state = exchange.State;
        var index = coin.Id - 1;
        var now = exchange.Time.GetUtcNow();
        if (user.Available[index] < amount + coin.WithdrawalFee)
        {
            throw SandboxError.BadRequest("Insufficient balance");
        }
        user.Credit(index, -(amount + coin.WithdrawalFee), now);
        state.FeesCollected[index] += coin.WithdrawalFee;
        var transfer = new SandboxTransfer(state.NextTransferId(), "withdrawal", coin.Symbol, amount, coin.WithdrawalFee, coin.Symbol,
            address, state.NewHex(32), network, Status: true, Dismissed: false, Rejected: false, Processing: false, Waiting: false,
            Description: "", user.Id, now, now);
        user.Withdrawals.Add(transfer);
        return transfer;
    }
}
