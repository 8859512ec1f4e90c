namespace AllexPortal.Web.ApiKeys;

/// <summary>
/// The result of creating a key: the key as listed, its one-time secret, and whether the chosen permissions and IP
/// whitelist were applied in the second step (the exchange creates every key read-only). When they were not,
/// <see cref="PermissionsProblem"/> says why in words the user can act on: the key exists, read-only.
/// </summary>
public sealed record ApiKeyCreation(ApiKeySummary Key, OneTimeSecret Secret, bool PermissionsApplied, string? PermissionsProblem)
{
    /// <inheritdoc />
    public override string ToString() => $"ApiKeyCreation {{ Key = {Key.Name} {Key.MaskedKey}, Secret = *** }}";
}
