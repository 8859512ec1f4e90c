using System.Net;
using System.Text.Json;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Health;

/// <summary>The <c>/readyz</c> answer: HTTP status, overall status and each named check's status and message.</summary>
public sealed record ReadinessReport(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, (string Status, string Description)> Checks)
{
    public static async Task<ReadinessReport> ReadAsync(PortalFactory portal)
    {
        using var client = portal is ListeningPortal listening ? listening.CreateListeningClient() : portal.CreatePortalClient();
        using var response = await client.GetAsync("/readyz");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var checks = json.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));
        return new ReadinessReport(response.StatusCode, json.GetProperty("status").GetString()!, checks);
    }
}
