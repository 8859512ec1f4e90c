using AllexPortal.Web.Connections;
using AllexPortal.Web.Portfolio;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    /// <summary>Users' exchange connections, credentials encrypted (see <c>CredentialVault</c>).</summary>
    public DbSet<ExchangeConnection> Connections => Set<ExchangeConnection>();

    /// <summary>Portfolio value over time per connection.</summary>
    public DbSet<ValuationSnapshot> ValuationSnapshots => Set<ValuationSnapshot>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite has no native DateTimeOffset: stored as sortable binary (UTC ticks + offset) so the
            // database can filter and order by time. PostgreSQL keeps its timestamptz.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PortalUser>()
            .Property(user => user.Theme)
            .HasConversion<string>()
            .HasMaxLength(16);

        builder.Entity<ExchangeConnection>(connection =>
        {
            connection.ToTable("Connections");
            connection.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
            connection.HasIndex(c => c.OwnerId);
            connection.Property(c => c.Label).HasMaxLength(100);
            connection.Property(c => c.BaseUrl).HasMaxLength(300);
            connection.Property(c => c.ApiKeyHint).HasMaxLength(8);
            connection.Property(c => c.LastError).HasMaxLength(500);
        });

        builder.Entity<ValuationSnapshot>(snapshot =>
        {
            snapshot.HasOne(s => s.Connection).WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
            snapshot.HasIndex(s => new { s.ConnectionId, s.TakenAt });
            snapshot.Property(s => s.QuoteCurrency).HasMaxLength(16);
            snapshot.Property(s => s.Source).HasConversion<string>().HasMaxLength(16);
        });
    }
}
