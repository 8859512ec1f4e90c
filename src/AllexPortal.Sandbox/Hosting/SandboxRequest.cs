using System.Globalization;
using System.Text.Json;
using AllexPortal.Sandbox.Wire;
using Microsoft.AspNetCore.Http.Features;

namespace AllexPortal.Sandbox.Hosting;

/// <summary>One request as the handlers see it: typed query and body access with the Kit's validation
/// errors, the caller's IP and the path exactly as signed.</summary>
internal sealed class SandboxRequest
{
    private SandboxRequest(HttpContext context, string rawBody, JsonElement? body)
    {
        Context = context;
        RawBody = rawBody;
        Body = body;
    }

    public HttpContext Context { get; }

    public string RawBody { get; }

    public JsonElement? Body { get; }

    public string Method => Context.Request.Method;

    public string ClientIp => ClientAddress.Of(Context);

    /// <summary>Path and query as on the wire, without the mount prefix (what HMAC clients sign).</summary>
    public string SignedPath
    {
        get
        {
            var raw = Context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            var pathBase = Context.Request.PathBase.ToUriComponent();
            if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/'))
            {
                return Context.Request.Path.ToUriComponent() + Context.Request.QueryString.ToUriComponent();
            }
            return pathBase.Length > 0 && raw.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase) ? raw[pathBase.Length..] : raw;
        }
    }

    public static async Task<SandboxRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return new SandboxRequest(context, "", null);
        }
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(context.RequestAborted);
        if (raw.Length == 0)
        {
            return new SandboxRequest(context, "", null);
        }
        var contentType = request.ContentType ?? "application/octet-stream";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationError("INVALID_CONTENT_TYPE", $"Invalid content type ({contentType}).  These are valid: application/json", "body");
        }
        try
        {
            using var document = JsonDocument.Parse(raw);
            return new SandboxRequest(context, raw, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw SandboxError.BadRequest("Unexpected token in JSON body");
        }
    }

    public string? Query(string name)
    {
        var value = Context.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public string RequiredQuery(string name) => Query(name) ?? throw ValidationError.Required(name);

    public int? QueryInt(string name) => QueryNumber<int>(name, "integer");

    public long? QueryLong(string name) => QueryNumber<long>(name, "integer");

    public decimal? QueryDecimal(string name) => QueryNumber<decimal>(name, "number");

    private T? QueryNumber<T>(string name, string typeName) where T : struct, IParsable<T>
    {
        var value = Query(name);
        if (value is null)
        {
            return null;
        }
        return T.TryParse(value, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ValidationError.InvalidType(name, typeName, value);
    }

    public bool? QueryBool(string name)
    {
        var value = Query(name);
        return value switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw ValidationError.InvalidType(name, "boolean", value),
        };
    }

    public DateTimeOffset? QueryDate(string name)
    {
        var value = Query(name);
        if (value is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw ValidationError.Format(name, value);
    }

    public string QueryEnum(string name, string fallback, params string[] allowed)
    {
        var value = Query(name) ?? fallback;
        return allowed.Contains(value) ? value : throw ValidationError.Enum(name, value, allowed);
    }

    public JsonElement? BodyValue(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public string? BodyString(string name) => BodyValue(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => value.GetRawText(),
        null => null,
    };

    public string RequiredBodyString(string name) => BodyString(name) ?? throw ValidationError.MissingBodyProperty(name);

    public decimal? BodyDecimal(string name) => BodyValue(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDecimal(),
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        null => null,
        _ => throw new ValidationError("INVALID_TYPE", $"Request validation failed: Parameter (body) failed schema validation: Expected type number for {name}", name),
    };

    public decimal RequiredBodyDecimal(string name) => BodyDecimal(name) ?? throw ValidationError.MissingBodyProperty(name);

    public bool? BodyBool(string name) => BodyValue(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        null => null,
        _ => throw new ValidationError("INVALID_TYPE", $"Request validation failed: Parameter (body) failed schema validation: Expected type boolean for {name}", name),
    };

    public int RequiredBodyInt(string name) => BodyValue(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var id) => id,
        { ValueKind: JsonValueKind.String } value when int.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var id) => id,
        null => throw ValidationError.MissingBodyProperty(name),
        _ => throw new ValidationError("INVALID_TYPE", $"Request validation failed: Parameter (body) failed schema validation: Expected type integer for {name}", name),
    };

    public List<string>? BodyStringArray(string name) => BodyValue(name) switch
    {
        { ValueKind: JsonValueKind.Array } value => [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())],
        null => null,
        _ => throw new ValidationError("INVALID_TYPE", $"Request validation failed: Parameter (body) failed schema validation: Expected type array for {name}", name),
    };
}
