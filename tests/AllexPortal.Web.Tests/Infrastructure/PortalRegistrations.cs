using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Builder;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>
/// The portal's data and Identity registrations, built but never started (nothing connects, no hosted service
/// runs): contexts from it have the portal's exact model, which Identity's store options shape too.
/// </summary>
public static class PortalRegistrations
{
    public static WebApplication Build(DatabaseProvider provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["ConnectionStrings:PortalDb"] = connectionString;
        builder.AddPortalData();
        builder.AddPortalIdentity();
        return builder.Build();
    }
}
