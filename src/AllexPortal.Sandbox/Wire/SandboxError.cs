namespace AllexPortal.Sandbox.Wire;

/// <summary>A business or authentication failure answered as <c>{ "message": ... }</c> with a status,
/// the way the Kit's controllers answer thrown errors.</summary>
internal sealed class SandboxError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static SandboxError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static SandboxError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static SandboxError Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);
}
