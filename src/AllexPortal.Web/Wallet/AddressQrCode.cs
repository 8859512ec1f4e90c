using QRCoder;

namespace AllexPortal.Web.Wallet;

/// <summary>
/// Renders a deposit address as a PNG QR code inside a <c>data:</c> URI, drawn on the server so the page needs no
/// script and no extra request (the content security policy allows <c>img-src data:</c>).
/// </summary>
internal static class AddressQrCode
{
    public static string ToDataUri(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
