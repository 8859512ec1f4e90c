using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Security;

/// <summary>The key list, read from the seed's bare array or the source's <c>{count, data}</c>.</summary>
[JsonConverter(typeof(ApiKeyListConverter))]
public sealed record ApiKeyList(IReadOnlyList<ApiKeyInfo> Keys);
