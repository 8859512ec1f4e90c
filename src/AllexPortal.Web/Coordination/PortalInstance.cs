using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Coordination;

/// <summary>
/// This portal process among the instances sharing one database: its <see cref="Id"/> is what the lease table
/// records as holder. Configured by <c>Coordination:InstanceId</c>; otherwise machine + process + random, so a
/// restarted process is a new holder and never mistakes its predecessor's leases for its own.
/// </summary>
public sealed class PortalInstance
{
    public PortalInstance(IOptions<CoordinationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Id = options.Value.InstanceId is { Length: > 0 } configured
            ? configured
            : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
    }

    /// <summary>The holder name of this instance's leases.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
