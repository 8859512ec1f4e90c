using System.Net;

namespace AllexPortal.Sandbox.Tests.Infrastructure;

/// <summary>Asserts a refusal's status and that its <c>message</c> contains the Kit's text.</summary>
internal static class Refusal
{
    public static async Task AssertAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var json = await SandboxApi.ReadJsonAsync(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
