using QRCoder;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Renders an <c>otpauth://</c> URI as a PNG QR code inside a <c>data:</c> URI, so the page needs no
/// script and no extra request (the content security policy allows <c>img-src data:</c>).
/// </summary>
internal static class AuthenticatorQrCode
{
    public static string ToDataUri(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
