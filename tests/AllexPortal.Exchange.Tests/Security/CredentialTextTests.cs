using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Tests.Security;

public class CredentialTextTests
{
    [Fact]
    public void Api_key_credentials_print_the_last_four_key_characters_and_no_secret()
    {
        var credentials = new ApiKeyCredentials("0123456789abcdef0123456789abcdef0123wxyz", "my-very-secret-value");

        var text = credentials.ToString();

        Assert.Contains("…wxyz", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", text, StringComparison.Ordinal);
        Assert.DoesNotContain("my-very-secret-value", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_token_does_not_print_the_jwt()
    {
        var token = new SessionToken("eyJhbGciOiJIUzI1NiJ9.payload.signature");

        Assert.DoesNotContain("eyJ", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Login_request_does_not_print_password_or_otp()
    {
        var login = new LoginRequest { Email = "a@b.c", Password = "hunter22", OtpCode = "123456" };

        var text = login.ToString();

        Assert.DoesNotContain("hunter22", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", text, StringComparison.Ordinal);
    }
}
