namespace AllexPortal.Web.Security;

/// <summary>Whether the Data Protection key ring is encrypted at rest with a configured certificate. Without
/// one (Development, or a demo started without a certificate) stored secrets are only as safe as the database
/// file, so the demo refuses to store keys of real exchanges.</summary>
public sealed record KeyRingProtection(bool IsProtected);
