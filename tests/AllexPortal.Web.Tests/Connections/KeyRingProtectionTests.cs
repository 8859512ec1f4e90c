using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>The Data Protection key ring (which opens every stored exchange key) is encrypted at rest with a
/// configured certificate, and a production portal without one refuses to start.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "test-pfx-password";
    private readonly string folder = Directory.CreateTempSubdirectory("allexportal-cert-").FullName;

    [Fact]
    public async Task With_a_certificate_the_key_ring_rows_hold_no_unencrypted_master_key()
    {
        using var portal = new ConfiguredPortal("Production", new Dictionary<string, string?>
        {
            ["Exchange:BaseUrl"] = "https://api.allex.online",
            ["Portal:PublicBaseUrl"] = "https://portal.example.com/",
            ["DataProtection:Certificate:Path"] = WriteCertificate("current.pfx"),
            ["DataProtection:Certificate:Password"] = Password,
        });

        var keyRing = await CreateKeyAndReadKeyRingAsync(portal);

        Assert.Contains("EncryptedData", keyRing, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keyRing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_in_development_the_key_ring_is_stored_unencrypted()
    {
        using var portal = new ConfiguredPortal("Development", new Dictionary<string, string?>());

        var keyRing = await CreateKeyAndReadKeyRingAsync(portal);

        Assert.Contains("<masterKey", keyRing, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_encrypted_with_a_previous_certificate_still_open_after_rotation()
    {
        using var database = new TemporaryDatabase();
        var old = WriteCertificate("old.pfx");
        var protectedText = Protect(database, Certificate(old));
        var rotated = new Dictionary<string, string?>(Certificate(WriteCertificate("new.pfx")))
        {
            ["DataProtection:Certificate:PreviousPaths:0"] = old,
        };

        var opened = Unprotect(database, rotated, protectedText);

        Assert.Equal("still here", opened);
    }

    [Fact]
    public void Keys_encrypted_with_a_replaced_certificate_do_not_open_when_it_is_not_listed()
    {
        using var database = new TemporaryDatabase();
        var protectedText = Protect(database, Certificate(WriteCertificate("old.pfx")));

        var error = Record.Exception(() => Unprotect(database, Certificate(WriteCertificate("new.pfx")), protectedText));

        Assert.IsType<CryptographicException>(error, exactMatch: false);
    }

    [Fact]
    public void A_production_portal_without_a_certificate_refuses_to_start_and_says_how_to_make_one()
    {
        using var portal = new ConfiguredPortal("Production", new Dictionary<string, string?>
        {
            ["Exchange:BaseUrl"] = "https://api.allex.online",
            ["Portal:PublicBaseUrl"] = "https://portal.example.com/",
        });

        var error = Record.Exception(() => portal.Services);

        var messages = string.Join(" | ", Chain(error));
        Assert.Contains("DataProtection:Certificate:Path", messages, StringComparison.Ordinal);
        Assert.Contains("openssl req -x509", messages, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Dictionary<string, string?> Certificate(string path) => new()
    {
        ["Exchange:BaseUrl"] = "https://api.allex.online",
        ["Portal:PublicBaseUrl"] = "https://portal.example.com/",
        ["DataProtection:Certificate:Path"] = path,
        ["DataProtection:Certificate:Password"] = Password,
    };

    private static string Protect(TemporaryDatabase database, Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:PortalDb"] = database.ConnectionString;
        using var portal = new ConfiguredPortal("Production", settings);
        return portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("still here");
    }

    private static string Unprotect(TemporaryDatabase database, Dictionary<string, string?> settings, string protectedText)
    {
        settings["ConnectionStrings:PortalDb"] = database.ConnectionString;
        using var portal = new ConfiguredPortal("Production", settings);
        return portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);
    }

    private static IEnumerable<string> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
        }
    }

    private static async Task<string> CreateKeyAndReadKeyRingAsync(ConfiguredPortal portal)
    {
        var protector = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("round trip", protector.Unprotect(protector.Protect("round trip")));

        await using var sql = portal.Database.CreateConnection();
        await sql.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = sql.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }

        return string.Join('\n', keys);
    }

    /// <summary>A throw-away self-signed certificate with its private key, as a PFX file.</summary>
    private string WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AllexPortal test Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private sealed class ConfiguredPortal(string environment, IReadOnlyDictionary<string, string?> settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
