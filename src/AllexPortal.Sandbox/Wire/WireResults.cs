using System.Text.Json;

namespace AllexPortal.Sandbox.Wire;

/// <summary>Builds responses in the exchange's JSON dialect without touching the host's JSON settings
/// (the sandbox may be mounted inside the portal, which has its own).</summary>
internal static class WireResults
{
    public static IResult Json(object? value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, WireJson.Options, "application/json; charset=utf-8", status);

    public static IResult Message(string message, int status = StatusCodes.Status200OK) =>
        Json(new Dictionary<string, object> { ["message"] = message }, status);

    public static IResult Validation(ValidationError error, string path) =>
        Json(new Dictionary<string, object>
        {
            ["message"] = error.Message,
            ["code"] = error.Code,
            ["failedValidation"] = true,
            ["paramName"] = error.ParamName,
            ["path"] = path,
        }, StatusCodes.Status500InternalServerError);

    public static string Serialize(object value) => JsonSerializer.Serialize(value, WireJson.Options);
}
