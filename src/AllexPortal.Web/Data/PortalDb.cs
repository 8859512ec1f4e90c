using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Data;

/// <summary>
/// The portal's own database: Identity accounts and the Data Protection key ring, so that cookies and
/// protected values survive restarts and can be shared by several portal instances on one database.
/// </summary>
public class PortalDb(DbContextOptions<PortalDb> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (see <c>AddPortalDataProtection</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PortalUser>()
            .Property(user => user.Theme)
            .HasConversion<string>()
            .HasMaxLength(16);
    }
}
