using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllexPortal.Web.Teams.Invitations;

/// <summary>Maps <see cref="TeamInvitation"/>: looked up by token hash (unique), listed per team; gone with its team.</summary>
public sealed class TeamInvitationConfiguration : IEntityTypeConfiguration<TeamInvitation>
{
    public void Configure(EntityTypeBuilder<TeamInvitation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("TeamInvitations");
        builder.HasOne(i => i.Workspace).WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.WorkspaceId, i.Email });
        builder.Property(i => i.Email).HasMaxLength(TeamInvitation.EmailLength);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.CreatedByUserId).HasMaxLength(450);
        builder.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        builder.Property(i => i.DeclinedByUserId).HasMaxLength(450);
        builder.Property(i => i.RevokedByUserId).HasMaxLength(450);
    }
}
