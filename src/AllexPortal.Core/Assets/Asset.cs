namespace AllexPortal.Core.Assets;

/// <summary>
/// A coin or token as the exchange names it (<c>btc</c>, <c>usdt</c>, <c>xht</c>).
/// </summary>
/// <remarks>
/// HollaEx Kit writes coin symbols in lower case; the constructor folds any casing to lower case with the
/// invariant culture so that <c>BTC</c> typed by a user and <c>btc</c> returned by the API are the same asset.
/// Equality is ordinal on the folded code, which keeps dictionary look-ups in the tax engine cheap.
/// </remarks>
public readonly record struct Asset
{
    /// <summary>Tether, the default report currency.</summary>
    public static readonly Asset Usdt = new("usdt");

    private readonly string? _code;

    /// <summary>Creates an asset from its symbol, folding it to lower case.</summary>
    /// <exception cref="ArgumentException">The symbol is empty or white space.</exception>
    public Asset(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code.Trim().ToLowerInvariant();
    }

    /// <summary>The lower-case symbol; empty for <c>default(Asset)</c>.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Returns the symbol, so that an asset prints the way the exchange writes it.</summary>
    public override string ToString() => Code;

    /// <summary>Compares symbols ordinally.</summary>
    public bool Equals(Asset other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <summary>Hashes the symbol ordinally.</summary>
    public override int GetHashCode() => _code is null ? 0 : _code.GetHashCode(StringComparison.Ordinal);
}
