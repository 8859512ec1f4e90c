using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Hosting;

/// <summary>Maps the sandbox's handlers: reads the body, authenticates, runs the handler under the state
/// lock and turns thrown <see cref="SandboxError"/>/<see cref="ValidationError"/> into the Kit's answers.</summary>
internal sealed class SandboxRoutes(IEndpointRouteBuilder routes, SandboxExchange exchange)
{
    public SandboxExchange Exchange => exchange;

    public void Public(string method, string path, Func<SandboxRequest, IResult> handler) =>
        Map(method, path, request => handler(request));

    public void Private(string method, string path, AuthPolicy policy, Func<SandboxRequest, Caller, IResult> handler) =>
        Map(method, path, request => handler(request, exchange.Authenticator.Authenticate(request, policy)));

    private void Map(string method, string path, Func<SandboxRequest, IResult> handler) =>
        routes.MapMethods("/v2" + path, [method], async context =>
        {
            IResult result;
            try
            {
                var request = await SandboxRequest.ReadAsync(context);
                lock (exchange.State.Gate)
                {
                    result = handler(request);
                }
            }
            catch (SandboxError error)
            {
                result = WireResults.Message(error.Message, error.Status);
            }
            catch (ValidationError error)
            {
                result = WireResults.Validation(error, context.Request.Path.Value ?? "");
            }
            catch (Exception error) when (error is FormatException or OverflowException or InvalidOperationException or ArgumentException)
            {
                exchange.Logger.LogError(error, "Sandbox handler failed for {Method} {Path}", context.Request.Method, context.Request.Path);
                result = WireResults.Message("Internal Server Error", StatusCodes.Status500InternalServerError);
            }
            await result.ExecuteAsync(context);
        });
}
