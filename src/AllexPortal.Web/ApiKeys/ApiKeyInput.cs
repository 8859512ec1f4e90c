using System.Net;
using System.Net.Sockets;

namespace AllexPortal.Web.ApiKeys;

/// <summary>
/// The rules for what a user types into the key forms, shared by the form (to show an error under the field at
/// once) and the service (which refuses anything the form let through). Each validator returns null when the
/// value is fine, otherwise the message to show.
/// </summary>
public static class ApiKeyInput
{
    public const int MaxNameLength = 100;
    public const int MaxWhitelistEntries = 20;

    /// <summary>The key's name: 1 to <see cref="MaxNameLength"/> characters after trimming.</summary>
    public static string? ValidateName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => "Enter a name for the key.",
            > MaxNameLength => $"The name may be at most {MaxNameLength} characters long.",
            _ => null,
        };
    }

    /// <summary>A TOTP code: exactly six digits (spaces ignored).</summary>
    public static string? ValidateOtpCode(string? code) =>
        Digits(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit)
            ? null
            : "Enter the 6-digit code from your authenticator app.";

    /// <summary>The code from the exchange's e-mail: 4 to 12 letters or digits.</summary>
    public static string? ValidateEmailCode(string? code) =>
        Digits(code) is { Length: >= 4 and <= 12 } text && text.All(char.IsAsciiLetterOrDigit)
            ? null
            : "Enter the code from the e-mail ALLEX sent you (use \"Send code\" first).";

    /// <summary>
    /// The IP whitelist as typed (one entry per line, or separated by commas or spaces): IPv4 or IPv6 addresses, or
    /// networks in CIDR form (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>). Empty means no whitelist.
    /// </summary>
    public static string? ValidateWhitelist(string? text)
    {
        try
        {
            _ = ParseWhitelist(text);
            return null;
        }
        catch (ApiKeyRefusedException e)
        {
            return e.Message;
        }
    }

    /// <summary>The whitelist entries in canonical form, duplicates removed.</summary>
    /// <exception cref="ApiKeyRefusedException">An entry is not an address or network, or there are too many.</exception>
    public static IReadOnlyList<string> ParseWhitelist(string? text)
    {
        var entries = (text ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<string>();
        foreach (var entry in entries)
        {
            var canonical = CanonicalEntry(entry)
                ?? throw new ApiKeyRefusedException($"\"{Shorten(entry)}\" is not an IPv4 or IPv6 address or a network like 203.0.113.0/24.");
            if (!result.Contains(canonical, StringComparer.Ordinal))
            {
                result.Add(canonical);
            }
        }

        return result.Count <= MaxWhitelistEntries
            ? result
            : throw new ApiKeyRefusedException($"Whitelist at most {MaxWhitelistEntries} addresses or networks.");
    }

    internal static string Trimmed(string? text) => text?.Trim() ?? "";

    internal static string Digits(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();

    private static string? CanonicalEntry(string entry)
    {
        if (!entry.Contains('/', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(entry, out var address) && IsPlainAddress(entry, address) ? address.ToString() : null;
        }

        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(entry[..slash], out var network) || !IsPlainAddress(entry[..slash], network)
            || !int.TryParse(entry[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            return null;
        }

        var bits = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix < 0 || prefix > bits)
        {
            return null;
        }

        // A network with host bits set (10.0.0.1/8) is almost always a typo; the canonical network is offered instead.
        var canonical = new IPNetwork(Masked(network, prefix), prefix);
        return canonical.BaseAddress.Equals(network)
            ? canonical.ToString()
            : throw new ApiKeyRefusedException($"\"{Shorten(entry)}\" has host bits set; did you mean {canonical}?");
    }

    /// <summary>Refuses the forms <see cref="IPAddress.TryParse(string, out IPAddress)"/> also accepts but an exchange
    /// will not: "1", "1.2", "0x7f.1", scope ids ("fe80::1%eth0").</summary>
    private static bool IsPlainAddress(string text, IPAddress address) =>
        address.AddressFamily switch
        {
            AddressFamily.InterNetwork => text.Split('.') is { Length: 4 } parts
                && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)),
            AddressFamily.InterNetworkV6 => !text.Contains('%', StringComparison.Ordinal),
            _ => false,
        };

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }

    private static string Shorten(string entry) => entry.Length <= 45 ? entry : entry[..45] + "…";
}
