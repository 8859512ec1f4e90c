using System.Text.Json;
using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Keys;

/// <summary>API-key management (bearer session only): list, create, update, revoke. Creation and changes
/// need 2FA on, a valid OTP and the e-mail code; new keys are read-only until updated.</summary>
internal static class KeyEndpoints
{
    public static void Map(SandboxRoutes routes)
    {
        var exchange = routes.Exchange;
        var state = exchange.State;
        Func<DateTimeOffset> now = exchange.Time.GetUtcNow;

        routes.Private("GET", "/user/tokens", AuthPolicy.BearerOnly, (_, caller) =>
        {
            var keys = state.Keys.Where(k => k.UserId == caller.User.Id && k.Active).OrderByDescending(k => k.CreatedAt).ToList();
            return WireResults.Json(new Dictionary<string, object> { ["count"] = keys.Count, ["data"] = keys.Select(k => k.ToListItem()).ToList() });
        });

        routes.Private("POST", "/user/token", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var name = request.RequiredBodyString("name");
            Confirm(request, caller.User, now());
            var key = state.AddKey(caller.User, name, state.NewHex(20), state.NewHex(25), now());
            if (request.BodyStringArray("whitelisted_ips") is { Count: > 0 } ips && request.BodyString("role") == "admin")
            {
                key.WhitelistedIps = ips;
                key.WhitelistingEnabled = true;
            }
            exchange.Logger.LogInformation("Sandbox API key {KeyId} created for {Email}", key.Id, caller.User.Email);
            return WireResults.Json(key.ToCreatedRow());
        });

        routes.Private("PUT", "/user/token", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var key = Find(state, caller.User, request.RequiredBodyInt("token_id"));
            Confirm(request, caller.User, now());
            if (request.BodyString("name") is { } name)
            {
                key.Name = name;
            }
            if (request.BodyValue("permissions") is { ValueKind: JsonValueKind.Object } permissions)
            {
                key.CanRead = Flag(permissions, "can_read") ?? key.CanRead;
                key.CanTrade = Flag(permissions, "can_trade") ?? key.CanTrade;
                key.CanWithdraw = Flag(permissions, "can_withdraw") ?? key.CanWithdraw;
            }
            key.CanRead = request.BodyBool("can_read") ?? key.CanRead;
            key.CanTrade = request.BodyBool("can_trade") ?? key.CanTrade;
            key.CanWithdraw = request.BodyBool("can_withdraw") ?? key.CanWithdraw;
            if (request.BodyStringArray("whitelisted_ips") is { } ips)
            {
                key.WhitelistedIps = ips;
            }
            key.WhitelistingEnabled = request.BodyBool("whitelisting_enabled") ?? key.WhitelistingEnabled;
            key.UpdatedAt = now();
            return WireResults.Json(key.ToListItem());
        });

        routes.Private("DELETE", "/user/token", AuthPolicy.BearerOnly, (request, caller) =>
        {
            var key = Find(state, caller.User, request.RequiredBodyInt("token_id"));
            Confirm(request, caller.User, now());
            key.Active = false;
            key.Revoked = true;
            key.UpdatedAt = now();
            return WireResults.Message("Token is successfully revoked");
        });
    }

    private static ApiKey Find(SandboxState state, SandboxUser user, int id)
    {
        var key = state.Keys.FirstOrDefault(k => k.Id == id && k.UserId == user.Id) ?? throw SandboxError.NotFound("Token not found");
        return key.Revoked ? throw SandboxError.BadRequest("Token is revoked") : key;
    }

    /// <summary>The Kit's checks before key changes: 2FA must be on, the OTP valid, the e-mail code current.</summary>
    private static void Confirm(SandboxRequest request, SandboxUser user, DateTimeOffset now)
    {
        var otp = request.RequiredBodyString("otp_code");
        var emailCode = request.RequiredBodyString("email_code");
        if (!user.OtpEnabled)
        {
            throw SandboxError.BadRequest("You must enable OTP to perform this operation");
        }
        if (!OtpCheck.IsValid(user.OtpSecret, otp, now))
        {
            throw SandboxError.BadRequest("Invalid OTP Code");
        }
        if (user.EmailCode is null || user.EmailCode != emailCode || user.EmailCodeExpiry < now)
        {
            throw SandboxError.BadRequest("Invalid email code");
        }
    }

    private static bool? Flag(JsonElement permissions, string name) =>
        permissions.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
