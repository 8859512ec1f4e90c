namespace AllexPortal.Sandbox.Wire;

/// <summary>A request that fails the swagger schema. The Kit's final error handler answers these with
/// status 500 and <c>failedValidation: true</c>; the sandbox mirrors that.</summary>
internal sealed class ValidationError(string code, string message, string paramName) : Exception(message)
{
    public string Code { get; } = code;

    public string ParamName { get; } = paramName;

    public static ValidationError Required(string name) =>
        new("REQUIRED", $"Request validation failed: Parameter ({name}) value is required but was not provided", name);

    public static ValidationError InvalidType(string name, string expected, string value) =>
        new("INVALID_TYPE", $"Request validation failed: Parameter ({name}) Expected type {expected} but found type string ({value})", name);

    public static ValidationError Enum(string name, string value, IEnumerable<string> allowed) =>
        new("ENUM_MISMATCH", $"Request validation failed: Parameter ({name}) No enum match for: {value} (allowed: {string.Join(", ", allowed)})", name);

    public static ValidationError MissingBodyProperty(string name) =>
        new("SCHEMA_VALIDATION_FAILED", $"Request validation failed: Parameter (body) failed schema validation: Missing required property: {name}", name);

    public static ValidationError Format(string name, string value) =>
        new("INVALID_FORMAT", $"Request validation failed: Parameter ({name}) Object didn't pass validation for format date-time: {value}", name);
}
