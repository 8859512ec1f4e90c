namespace AllexPortal.Web.Tests.Ledger;

/// <summary>The ledger portal on an exchange that serves at most 40 rows a page, whatever the client asks for
/// (as Kit-local lists clamp to 50 silently).</summary>
public sealed class ClampedPageLedgerPortal : LedgerPortal
{
    public const int ServedPageSize = 40;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Sandbox:MaxPageSize", "40")];
}
