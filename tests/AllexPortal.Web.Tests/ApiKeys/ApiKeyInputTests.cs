using AllexPortal.Web.ApiKeys;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>What the key forms accept, as a table of boundary cases.</summary>
public sealed class ApiKeyInputTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("10.1.2.3/32", "10.1.2.3/32")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::1", "::1")]
    public void Address_or_network_is_accepted_in_canonical_form(string typed, string canonical) =>
        Assert.Equal([canonical], ApiKeyInput.ParseWhitelist(typed));

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0")]
    [InlineData("1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("2001:db8::/129")]
    [InlineData("fe80::1%eth0")]
    [InlineData("example.com")]
    [InlineData("10.0.0.1/8")]
    public void Anything_else_is_refused(string typed) =>
        Assert.NotNull(ApiKeyInput.ValidateWhitelist(typed));

    [Fact]
    public void Network_with_host_bits_set_suggests_the_network()
    {
        var error = ApiKeyInput.ValidateWhitelist("10.0.0.1/8");

        Assert.Contains("did you mean 10.0.0.0/8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_may_be_split_by_lines_commas_and_spaces_and_duplicates_are_dropped()
    {
        var entries = ApiKeyInput.ParseWhitelist("203.0.113.7,\n198.51.100.0/24  203.0.113.7;2001:db8::1");

        Assert.Equal(["203.0.113.7", "198.51.100.0/24", "2001:db8::1"], entries);
    }

    [Fact]
    public void Empty_whitelist_means_no_whitelist()
    {
        Assert.Empty(ApiKeyInput.ParseWhitelist("  \n "));
    }

    [Fact]
    public void More_than_twenty_entries_are_refused()
    {
        var many = string.Join(',', Enumerable.Range(1, 21).Select(i => $"10.0.0.{i}"));

        Assert.Contains("at most 20", ApiKeyInput.ValidateWhitelist(many), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("123 456", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12a456", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Two_factor_code_has_exactly_six_digits(string? code, bool valid) =>
        Assert.Equal(valid, ApiKeyInput.ValidateOtpCode(code) is null);

    [Theory]
    [InlineData("", false)]
    [InlineData("123", false)]
    [InlineData("123456", true)]
    [InlineData("AbC123", true)]
    [InlineData("12-456", false)]
    public void Email_code_is_four_to_twelve_letters_or_digits(string code, bool valid) =>
        Assert.Equal(valid, ApiKeyInput.ValidateEmailCode(code) is null);

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("Portal", true)]
    public void Name_must_not_be_blank(string name, bool valid) =>
        Assert.Equal(valid, ApiKeyInput.ValidateName(name) is null);

    [Fact]
    public void Name_longer_than_a_hundred_characters_is_refused() =>
        Assert.NotNull(ApiKeyInput.ValidateName(new string('k', 101)));
}
