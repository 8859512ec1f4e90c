using System.Text.Json;
using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Auth;

/// <summary>The reference's test vectors (allex-api.md §1.2.1) and JavaScript number printing.</summary>
public sealed class SignatureTests
{
    private const string Secret = "d1c3b1e6a8f24c0e9b7a5d3f1e2c4b6a8d0f2e4c6b8a0d2f4e";

    [Theory]
    [InlineData("GET", "/v2/user/balance", "", "618a2e1efcd34fcebd79e6e734ba6e3a74eba3c58562902e6360a057bd281cc5")]
    [InlineData("GET", "/v2/user/trades?symbol=btc-usdt&limit=50&page=1", "", "b55a5fac9c810949c568628e946c5685cb2870d71567a894fb64b0bc7d24b020")]
    [InlineData("POST", "/v2/order", "{\"symbol\":\"btc-usdt\",\"side\":\"buy\",\"size\":0.001,\"type\":\"limit\",\"price\":68000}", "79d275d904a0938ad050a1088143c59359057519008c29f6496343f94703016d")]
    [InlineData("DELETE", "/v2/order?order_id=6a8f3b2c-1111-2222-3333-444455556666", "", "0c815ab25c96be77bf435d4c2a97cdd2df9f79e4e762658b2e37c8af18322f7c")]
    [InlineData("CONNECT", "/stream", "", "df5cfbea93faa19a02eb7cd53eee5c827059db3939d25b1ef8f05d24e61aedb3")]
    public void Sandbox_and_test_signer_reproduce_reference_vectors(string method, string path, string body, string expected)
    {
        var sandbox = HmacSignature.Compute(Secret, method, path, "1775000060", body);
        var client = TestSigner.Sign(Secret, method, path, 1775000060, body);

        Assert.Equal((expected, expected), (sandbox, client));
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("0.10", "0.1")]
    [InlineData("68000.0", "68000")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("-2.50", "-2.5")]
    [InlineData("0", "0")]
    [InlineData("1.5e300", "1.5e+300")]
    public void Numbers_are_printed_as_javascript_prints_them(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, JsCanonicalJson.Stringify(document.RootElement));
    }

    [Fact]
    public void Canonical_form_is_compact_keeps_key_order_and_does_not_escape_non_ascii()
    {
        using var document = JsonDocument.Parse("{ \"b\" : [1, 2.50, true, null], \"a\": \"café <x> \\u0001\" }");

        var text = JsCanonicalJson.Stringify(document.RootElement);

        Assert.Equal("{\"b\":[1,2.5,true,null],\"a\":\"café <x> \\u0001\"}", text);
    }
}
