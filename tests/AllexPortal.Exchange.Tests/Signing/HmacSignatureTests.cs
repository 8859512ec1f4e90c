using AllexPortal.Exchange.Http;

namespace AllexPortal.Exchange.Tests.Signing;

public class HmacSignatureTests
{
    private const string Secret = "d1c3b1e6a8f24c0e9b7a5d3f1e2c4b6a8d0f2e4c6b8a0d2f4e";
    private const long Expires = 1775000060;

    [Theory]
    [InlineData("GET", "/v2/user/balance", "", "618a2e1efcd34fcebd79e6e734ba6e3a74eba3c58562902e6360a057bd281cc5")]
    [InlineData("GET", "/v2/user/trades?symbol=btc-usdt&limit=50&page=1", "", "b55a5fac9c810949c568628e946c5685cb2870d71567a894fb64b0bc7d24b020")]
    [InlineData("POST", "/v2/order", """{"symbol":"btc-usdt","side":"buy","size":0.001,"type":"limit","price":68000}""", "79d275d904a0938ad050a1088143c59359057519008c29f6496343f94703016d")]
    [InlineData("DELETE", "/v2/order?order_id=6a8f3b2c-1111-2222-3333-444455556666", "", "0c815ab25c96be77bf435d4c2a97cdd2df9f79e4e762658b2e37c8af18322f7c")]
    [InlineData("CONNECT", "/stream", "", "df5cfbea93faa19a02eb7cd53eee5c827059db3939d25b1ef8f05d24e61aedb3")]
    public void Signature_matches_the_reference_test_vector(string method, string path, string body, string expected)
    {
        var signature = HmacSignature.Compute(Secret, method, path, Expires, body);

        Assert.Equal(expected, signature);
    }
}
