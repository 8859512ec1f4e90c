using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllexPortal.Web.Coordination;

/// <summary>The <c>Leases</c> table: one row per named lease, keyed by its name.</summary>
internal sealed class LeaseRecordConfiguration : IEntityTypeConfiguration<LeaseRecord>
{
    /// <summary>Longest lease name; names built from ids stay far below it.</summary>
    public const int NameLength = 200;

    public void Configure(EntityTypeBuilder<LeaseRecord> builder)
    {
        builder.ToTable("Leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(NameLength);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
