using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Coordination;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Prices;
using AllexPortal.Web.Teams;
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
    /// <summary>PostgreSQL's byte-wise collation, present in every cluster; all text columns use it there.</summary>
    public const string PostgresTextCollation = "C";

    /// <summary>The Data Protection key ring (see <c>AddPortalDataProtection</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Users' exchange connections, credentials encrypted (see <c>CredentialVault</c>).</summary>
    public DbSet<ExchangeConnection> Connections => Set<ExchangeConnection>();

    /// <summary>Portfolio value over time per connection.</summary>
    public DbSet<ValuationSnapshot> ValuationSnapshots => Set<ValuationSnapshot>();

    /// <summary>The local ledger: fills per connection.</summary>
    public DbSet<LedgerTrade> LedgerTrades => Set<LedgerTrade>();

    /// <summary>The local ledger: orders per connection.</summary>
    public DbSet<LedgerOrder> LedgerOrders => Set<LedgerOrder>();

    /// <summary>The local ledger: deposits and withdrawals per connection.</summary>
    public DbSet<LedgerTransfer> LedgerTransfers => Set<LedgerTransfer>();

    /// <summary>Where each connection's sync of each history stands.</summary>
    public DbSet<LedgerSyncState> LedgerSyncStates => Set<LedgerSyncState>();

    /// <summary>Exchange candles cached for value history and tax valuation.</summary>
    public DbSet<CachedCandle> CachedCandles => Set<CachedCandle>();

    /// <summary>The spans of candles already fetched.</summary>
    public DbSet<CachedCandleRange> CachedCandleRanges => Set<CachedCandleRange>();

    /// <summary>The append-only audit log.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Team workspaces (a user's personal workspace is not a row).</summary>
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    /// <summary>Who belongs to which team, with which role.</summary>
    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();

    /// <summary>Leases that make background work run on one instance at a time (see <c>LeaseStore</c>).</summary>
    public DbSet<LeaseRecord> Leases => Set<LeaseRecord>();

    /// <summary>Invitations to teams (token hashes only).</summary>
    public DbSet<Teams.Invitations.TeamInvitation> TeamInvitations => Set<Teams.Invitations.TeamInvitation>();

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
        else
        {
            // Text compares and sorts byte-wise, as SQLite's BINARY does, whatever locale the cluster was created
            // with: the ledger's prefix searches (key >= x AND key < x + U+FFFF) and every text sort rely on it.
            configurationBuilder.Properties<string>().UseCollation(PostgresTextCollation);
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

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
            entry.Property(e => e.ActorUserId).HasMaxLength(450);
            entry.Property(e => e.ActorEmail).HasMaxLength(256);
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.Property(e => e.Detail).HasMaxLength(500);
            entry.Property(e => e.IpAddress).HasMaxLength(45);
            entry.HasIndex(e => new { e.WorkspaceId, e.Id });
            entry.HasIndex(e => new { e.ActorUserId, e.Id });
        });

        builder.Entity<ValuationSnapshot>(snapshot =>
        {
            snapshot.HasOne(s => s.Connection).WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
            snapshot.HasIndex(s => new { s.ConnectionId, s.TakenAt });
            snapshot.Property(s => s.QuoteCurrency).HasMaxLength(16);
            snapshot.Property(s => s.Source).HasConversion<string>().HasMaxLength(16);
        });

        ConfigureLedger(builder);
        ConfigurePrices(builder);
        builder.ApplyConfiguration(new WorkspaceConfiguration());
        builder.ApplyConfiguration(new WorkspaceMemberConfiguration());
        builder.ApplyConfiguration(new LeaseRecordConfiguration());
        builder.ApplyConfiguration(new Teams.Invitations.TeamInvitationConfiguration());
    }

    private static void ConfigureLedger(ModelBuilder builder)
    {
        // Every history index leads with the connection and ends with the row id, so a page of one connection's
        // rows in time order is an index range scan and keyset paging on (time, id) needs no sort.
        builder.Entity<LedgerTrade>(trade =>
        {
            trade.HasOne(t => t.Connection).WithMany().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Cascade);
            trade.HasIndex(t => new { t.ConnectionId, t.Key }).IsUnique();
            trade.HasIndex(t => new { t.ConnectionId, t.Timestamp, t.Id });
            trade.HasIndex(t => new { t.ConnectionId, t.Symbol, t.Timestamp, t.Id });
            trade.HasIndex(t => new { t.ConnectionId, t.OrderId });
            trade.HasIndex(t => new { t.ConnectionId, t.QuoteAmountOrder, t.Timestamp, t.Id });
            trade.Property(t => t.Key).HasMaxLength(80);
            trade.Property(t => t.Symbol).HasMaxLength(32);
            trade.Property(t => t.BaseCurrency).HasMaxLength(16);
            trade.Property(t => t.QuoteCurrency).HasMaxLength(16);
            trade.Property(t => t.Side).HasConversion<string>().HasMaxLength(4);
            trade.Property(t => t.FeeCoin).HasMaxLength(16);
            trade.Property(t => t.OrderId).HasMaxLength(64);
        });

        builder.Entity<LedgerOrder>(order =>
        {
            order.HasOne(o => o.Connection).WithMany().HasForeignKey(o => o.ConnectionId).OnDelete(DeleteBehavior.Cascade);
            order.HasIndex(o => new { o.ConnectionId, o.ExchangeId }).IsUnique();
            order.HasIndex(o => new { o.ConnectionId, o.CreatedAt, o.Id });
            order.HasIndex(o => new { o.ConnectionId, o.Symbol, o.CreatedAt, o.Id });
            order.HasIndex(o => new { o.ConnectionId, o.IsOpen });
            order.Property(o => o.ExchangeId).HasMaxLength(64);
            order.Property(o => o.Symbol).HasMaxLength(32);
            order.Property(o => o.BaseCurrency).HasMaxLength(16);
            order.Property(o => o.QuoteCurrency).HasMaxLength(16);
            order.Property(o => o.Side).HasConversion<string>().HasMaxLength(4);
            order.Property(o => o.Type).HasMaxLength(16);
            order.Property(o => o.Status).HasMaxLength(16);
            order.Property(o => o.FeeCoin).HasMaxLength(16);
            order.Property(o => o.Note).HasMaxLength(500);
        });

        builder.Entity<LedgerTransfer>(transfer =>
        {
            transfer.HasOne(t => t.Connection).WithMany().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Cascade);
            transfer.HasIndex(t => new { t.ConnectionId, t.Direction, t.ExchangeId }).IsUnique();
            transfer.HasIndex(t => new { t.ConnectionId, t.Direction, t.CreatedAt, t.Id });
            transfer.HasIndex(t => new { t.ConnectionId, t.Direction, t.Currency, t.CreatedAt, t.Id });
            transfer.HasIndex(t => new { t.ConnectionId, t.Direction, t.State });
            transfer.HasIndex(t => new { t.ConnectionId, t.TransactionId });
            transfer.HasIndex(t => new { t.ConnectionId, t.Address });
            transfer.Property(t => t.Direction).HasConversion<string>().HasMaxLength(10);
            transfer.Property(t => t.State).HasConversion<string>().HasMaxLength(10);
            transfer.Property(t => t.Currency).HasMaxLength(16);
            transfer.Property(t => t.FeeCoin).HasMaxLength(16);
            transfer.Property(t => t.Address).HasMaxLength(200);
            transfer.Property(t => t.TransactionId).HasMaxLength(200);
            transfer.Property(t => t.Network).HasMaxLength(32);
            transfer.Property(t => t.Description).HasMaxLength(500);
        });

        builder.Entity<LedgerSyncState>(state =>
        {
            state.HasKey(s => new { s.ConnectionId, s.Kind });
            state.HasOne(s => s.Connection).WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
            state.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            state.Property(s => s.LastError).HasMaxLength(500);
        });
    }

    private static void ConfigurePrices(ModelBuilder builder)
    {
        builder.Entity<CachedCandle>(candle =>
        {
            candle.HasIndex(c => new { c.Exchange, c.Symbol, c.Resolution, c.OpenTime }).IsUnique();
            candle.Property(c => c.Exchange).HasMaxLength(300);
            candle.Property(c => c.Symbol).HasMaxLength(32);
            candle.Property(c => c.Resolution).HasConversion<string>().HasMaxLength(8);
        });

        builder.Entity<CachedCandleRange>(range =>
        {
            range.HasIndex(r => new { r.Exchange, r.Symbol, r.Resolution, r.From });
            range.Property(r => r.Exchange).HasMaxLength(300);
            range.Property(r => r.Symbol).HasMaxLength(32);
            range.Property(r => r.Resolution).HasConversion<string>().HasMaxLength(8);
        });
    }
}
