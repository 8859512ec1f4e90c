using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>A fresh self-signed PFX for <c>DataProtection:Certificate:Path</c>, as an operator would make with openssl.</summary>
public static class KeyRingCertificate
{
    public static void Write(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=AllexPortal test key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
