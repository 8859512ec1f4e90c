namespace AllexPortal.Web.Coordination;

/// <summary>
/// One row of the <c>Leases</c> table: who may run the work called <see cref="Name"/> until <see cref="ExpiresAt"/>.
/// Every change is a conditional UPDATE or an INSERT on the primary key, so two instances can never both believe
/// they hold it; <see cref="Etag"/> is new at every acquisition, so a holder whose lease expired and was taken by
/// another instance finds its renewal rejected instead of silently extending the other's tenure.
/// </summary>
public sealed class LeaseRecord
{
    /// <summary>What the lease guards, e.g. <c>ledger-sync:{connection id}</c>; the primary key.</summary>
    public string Name { get; set; } = "";

    /// <summary>The portal instance holding it (see <see cref="PortalInstance"/>), for logs and status.</summary>
    public string Holder { get; set; } = "";

    /// <summary>Changed at every acquisition; renewals and releases must name it.</summary>
    public Guid Etag { get; set; }

    /// <summary>When the current holder took it.</summary>
    public DateTimeOffset AcquiredAt { get; set; }

    /// <summary>After this instant any instance may take the lease over.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
