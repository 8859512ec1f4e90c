using Microsoft.Extensions.Options;

namespace AllexPortal.Exchange.Configuration;

/// <summary>Fails start-up on unusable exchange settings instead of on the first call.</summary>
internal sealed class AllexClientOptionsValidator : IValidateOptions<AllexClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AllexClientOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
