using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.DataProtection;

namespace AllexPortal.Web.Security;

/// <summary>
/// Data Protection protects the sign-in cookies, antiforgery tokens and the stored exchange credentials. Its key
/// ring lives in <see cref="PortalDb"/> so restarts keep users signed in and several portal instances on one
/// database share keys; the keys themselves are encrypted at rest with a certificate from configuration, so a
/// copy of the database alone opens nothing.
/// </summary>
internal static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application discriminator; instances with the same name and database share keys.</summary>
    public const string ApplicationName = "AllexPortal";

    /// <summary>Configuration key of the PFX file that encrypts the key ring.</summary>
    public const string CertificatePathKey = "DataProtection:Certificate:Path";

    /// <summary>Configuration key of that PFX file's password (also used for the previous certificates).</summary>
    public const string CertificatePasswordKey = "DataProtection:Certificate:Password";

    /// <summary>Configuration key of the PFX files of earlier certificates, kept so keys they encrypted still open.</summary>
    public const string PreviousCertificatePathsKey = "DataProtection:Certificate:PreviousPaths";

    /// <summary>What an operator must do when the certificate is missing.</summary>
    public const string MissingCertificateMessage =
        "The Data Protection key ring (it encrypts sign-in cookies and stored exchange API keys) must be encrypted at rest outside Development. "
        + "Set " + CertificatePathKey + " to a PFX certificate file and " + CertificatePasswordKey + " to its password "
        + "(environment variables DataProtection__Certificate__Path and DataProtection__Certificate__Password). Make one with: "
        + "openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj \"/CN=AllexPortal Data Protection\" -keyout dp.key -out dp.crt "
        + "&& openssl pkcs12 -export -in dp.crt -inkey dp.key -out dataprotection.pfx -passout pass:YOUR-PASSWORD "
        + "(keep the file and password safe: without them the stored keys and sessions cannot be read). "
        + "When you replace the certificate, list the old file(s) under " + PreviousCertificatePathsKey + ".";

    /// <summary>
    /// Registers Data Protection with the key ring in the database, encrypted with the configured certificate.
    /// Without one the portal refuses to start, except in Development and in demo mode (which holds only the
    /// sandbox's public demo key), where it logs a warning once.
    /// </summary>
    /// <exception cref="InvalidOperationException">No certificate outside Development and demo mode, or one that cannot be opened.</exception>
    public static IDataProtectionBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDb>();

        var configuration = builder.Configuration;
        var path = configuration[CertificatePathKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var password = configuration[CertificatePasswordKey];
            var current = Load(path, password, CertificatePathKey);
            var previous = configuration.GetSection(PreviousCertificatePathsKey).Get<string[]>() ?? [];
            dataProtection.ProtectKeysWithCertificate(current)
                .UnprotectKeysWithAnyCertificate([current, .. previous.Select(p => Load(p, password, PreviousCertificatePathsKey))]);
            builder.Services.AddSingleton(new KeyRingProtection(IsProtected: true));
            return dataProtection;
        }

        var exchange = PortalExchangeOptions.From(configuration);
        if (!builder.Environment.IsDevelopment() && !exchange.IsDemo)
        {
            throw new InvalidOperationException(MissingCertificateMessage);
        }

        builder.Services.AddHostedService<UnprotectedKeyRingWarning>();
        builder.Services.AddSingleton(new KeyRingProtection(IsProtected: false));
        return dataProtection;
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate {path} ({setting}) has no private key; export it as PFX with its key.");
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The Data Protection certificate {path} ({setting}) cannot be opened: {error.GetType().Name}. Check the file and {CertificatePasswordKey}.", error);
        }
    }

    /// <summary>Says once, at start, that the key ring is stored unencrypted.</summary>
    private sealed class UnprotectedKeyRingWarning(ILogger<UnprotectedKeyRingWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning(
                "The Data Protection key ring is stored unencrypted in the database (no {Setting}). Fine for development and the demo; set a certificate before storing real exchange keys.",
                CertificatePathKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
