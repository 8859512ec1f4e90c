using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Faults;

/// <summary>Applies the configured faults before (latency, timeout, 429, 5xx) or after (malformed JSON,
/// dropped connection) the real handler runs.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, SandboxExchange exchange)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var (kind, settings) = exchange.Faults.Next(context.Request.Path.Value ?? "");
        var path = context.Request.Path.Value ?? "";
        if (settings.Latency > TimeSpan.Zero && path.StartsWith(settings.PathPrefix ?? "/v2", StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(settings.Latency, context.RequestAborted);
        }
        switch (kind)
        {
            case FaultKind.Timeout:
                try
                {
                    await Task.Delay(settings.TimeoutDuration, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                context.Abort();
                return;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WireResults.Message("Too many requests. Please try again later.", StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
                return;
            case FaultKind.ServerError:
                await WireResults.Message("Internal Server Error", settings.ServerErrorStatus).ExecuteAsync(context);
                return;
            case FaultKind.MalformedJson:
            case FaultKind.DroppedConnection:
                await Truncate(context, kind);
                return;
            default:
                await next(context);
                return;
        }
    }

    private async Task Truncate(HttpContext context, FaultKind kind)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var bytes = buffer.ToArray();
        var half = bytes.Length / 2;
        if (kind == FaultKind.MalformedJson)
        {
            context.Response.ContentLength = half;
            await original.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted);
            return;
        }
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted);
        await original.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
