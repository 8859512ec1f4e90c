using System.Globalization;
using System.Text.Json;

namespace AllexPortal.Sandbox.Tests.Infrastructure;

/// <summary>The demo user's key management over HTTP: e-mail code (read back through the admin endpoint), then
/// create or update a key with OTP and e-mail code.</summary>
internal static class KeyFlow
{
    public static async Task<string> EmailCodeAsync(SandboxApi api, string token)
    {
        using var request = await api.BearerAsync(HttpMethod.Get, "v2/user/request-email-confirmation", token);
        await SandboxApi.ReadJsonAsync(request, expectSuccess: true);
        var email = api.Server.Exchange.Options.Demo.Email;
        var json = await api.GetJsonAsync($"sandbox-admin/email-code?email={Uri.EscapeDataString(email)}");
        return json.GetProperty("code").GetString()!;
    }

    /// <summary>Creates a key and returns (id, key, secret).</summary>
    public static async Task<(int Id, string Key, string Secret)> CreateKeyAsync(SandboxApi api, string token, string name)
    {
        var code = await EmailCodeAsync(api, token);
        var otp = api.Totp(api.Server.Exchange.Options.Demo.TotpSecret);
        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/token", token,
            $"{{\"name\":\"{name}\",\"otp_code\":\"{otp}\",\"email_code\":\"{code}\"}}");
        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        return (json.GetProperty("id").GetInt32(), json.GetProperty("key").GetString()!, json.GetProperty("secret").GetString()!);
    }

    /// <summary>Creates a key, applies <paramref name="changes"/> (JSON members of <c>PUT /user/token</c>) and
    /// returns the key, its secret and the updated list item.</summary>
    public static async Task<(string Key, string Secret, JsonElement Updated)> CreateKeyAsync(SandboxApi api, string token, string name, string changes)
    {
        var (id, key, secret) = await CreateKeyAsync(api, token, name);
        return (key, secret, await UpdateKeyAsync(api, token, id, changes));
    }

    public static async Task<JsonElement> UpdateKeyAsync(SandboxApi api, string token, int id, string changes)
    {
        var code = await EmailCodeAsync(api, token);
        var otp = api.Totp(api.Server.Exchange.Options.Demo.TotpSecret);
        using var response = await api.BearerAsync(HttpMethod.Put, "v2/user/token", token,
            $"{{\"token_id\":{id.ToString(CultureInfo.InvariantCulture)},\"otp_code\":\"{otp}\",\"email_code\":\"{code}\",{changes}}}");
        return await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
    }
}
