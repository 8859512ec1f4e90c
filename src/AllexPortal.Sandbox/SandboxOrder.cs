using System.Text.Json.Serialization;

namespace AllexPortal.Sandbox;

/// <summary>An order as <c>GET /order</c>, <c>GET /orders</c> and <c>POST /order</c> return it.</summary>
public sealed record SandboxOrder(
    string Id, string Side, string Symbol, string Type, decimal Size, decimal Price, decimal? Stop,
    decimal Filled, decimal Average, string Status, decimal Fee, string FeeCoin, SandboxFeeStructure FeeStructure,
    [property: JsonPropertyName("meta")] IReadOnlyDictionary<string, object> Meta,
    int CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
