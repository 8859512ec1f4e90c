using AllexPortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AllexPortal.Web.Security;

/// <summary>
/// Data Protection protects the sign-in cookies, antiforgery tokens and (later) stored exchange
/// credentials. Its key ring lives in <see cref="PortalDb"/> so restarts keep users signed in and
/// several portal instances on one database share keys.
/// </summary>
internal static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application discriminator; instances with the same name and database share keys.</summary>
    public const string ApplicationName = "AllexPortal";

    /// <summary>
    /// Registers Data Protection with the key ring in the database. This is the single place where the
    /// key ring is configured: encrypting the stored keys at rest (a configured certificate or key) is
    /// added to the builder returned here.
    /// </summary>
    public static IDataProtectionBuilder AddPortalDataProtection(this WebApplicationBuilder builder) =>
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDb>();
}
