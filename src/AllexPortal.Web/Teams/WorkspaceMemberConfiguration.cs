using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllexPortal.Web.Teams;

/// <summary>Maps <see cref="WorkspaceMember"/>: the role stored by name, one row per (workspace, user).</summary>
public sealed class WorkspaceMemberConfiguration : IEntityTypeConfiguration<WorkspaceMember>
{
    public void Configure(EntityTypeBuilder<WorkspaceMember> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("WorkspaceMembers");
        builder.HasKey(m => new { m.WorkspaceId, m.UserId });
        builder.HasOne(m => m.Workspace).WithMany(w => w.Members).HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.GrantedByUserId).HasMaxLength(450);
    }
}
