using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Market;

/// <summary>Answer of <c>GET /health</c>; <see cref="Domain"/> is absent in the seed and present in Kit 2.17.4.</summary>
public sealed record HealthStatus
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Host { get; init; }
    public string? Domain { get; init; }
    [JsonPropertyName("basePath")]
    public string? BasePath { get; init; }
    public bool Status { get; init; }
}
