using System.Text.Json;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Faults;

/// <summary>Sandbox-only controls (mapped only with <see cref="SandboxOptions.EnableAdmin"/>): the faults to
/// inject, and the e-mail codes the sandbox "sent".</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxExchange exchange)
    {
        routes.MapGet("/sandbox-admin/faults", () => WireResults.Json(exchange.Faults.Current));
        routes.MapMethods("/sandbox-admin/faults", ["PUT", "POST"], async (HttpContext context) =>
        {
            FaultOptions? faults;
            try
            {
                faults = await JsonSerializer.DeserializeAsync<FaultOptions>(context.Request.Body, WireJson.Options, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return WireResults.Message("Invalid fault settings: " + e.Message, StatusCodes.Status400BadRequest);
            }
            exchange.SetFaults(faults ?? new FaultOptions());
            return WireResults.Json(exchange.Faults.Current);
        });
        routes.MapDelete("/sandbox-admin/faults", () =>
        {
            exchange.SetFaults(new FaultOptions());
            return WireResults.Json(exchange.Faults.Current);
        });
        routes.MapGet("/sandbox-admin/email-code", (HttpContext context) =>
        {
            var email = context.Request.Query["email"].ToString();
            string? code;
            try
            {
                code = exchange.EmailCodeOf(email);
            }
            catch (ArgumentException)
            {
                return WireResults.Message("User not found", StatusCodes.Status404NotFound);
            }
            return code is null
                ? WireResults.Message("No code was sent", StatusCodes.Status404NotFound)
                : WireResults.Json(new Dictionary<string, object> { ["email"] = email, ["code"] = code });
        });
    }
}
