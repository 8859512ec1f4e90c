using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Ledger;

/// <summary>Fails start-up on unusable ledger settings instead of on the first sync.</summary>
internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
