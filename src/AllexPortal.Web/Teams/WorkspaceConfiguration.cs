using AllexPortal.Web.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllexPortal.Web.Teams;

/// <summary>Maps <see cref="Workspace"/> and the link from <see cref="ExchangeConnection.WorkspaceId"/> to it.</summary>
public sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Workspaces");
        builder.Property(w => w.Name).HasMaxLength(Workspace.NameLength);
        builder.Property(w => w.CreatedByUserId).HasMaxLength(450);

        // A team that still holds connections cannot vanish under them: they must be moved out first.
        builder.HasMany<ExchangeConnection>()
            .WithOne()
            .HasForeignKey(c => c.WorkspaceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
