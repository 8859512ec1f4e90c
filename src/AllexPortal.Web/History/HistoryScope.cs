namespace AllexPortal.Web.History;

/// <summary>
/// The connections one history request may read, checked against the acting user (see
/// <see cref="HistoryService.ScopeAsync"/>), with their labels for exports. Only the service creates one, so holding
/// a scope proves the check was made.
/// </summary>
public sealed class HistoryScope
{
    internal HistoryScope(IReadOnlyDictionary<Guid, string> labels)
    {
        Labels = labels;
        Connections = [.. labels.Keys.Order()];
    }

    /// <summary>The connection ids in scope, sorted.</summary>
    public IReadOnlyList<Guid> Connections { get; }

    /// <summary>Each connection's label, for a CSV column.</summary>
    public IReadOnlyDictionary<Guid, string> Labels { get; }

    /// <summary>The label of a connection in scope.</summary>
    public string LabelOf(Guid connectionId) => Labels.TryGetValue(connectionId, out var label) ? label : "";
}
