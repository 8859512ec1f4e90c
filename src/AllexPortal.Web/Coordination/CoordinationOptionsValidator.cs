using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Coordination;

/// <summary>Refuses to start with unusable coordination settings, naming the setting to fix.</summary>
internal sealed class CoordinationOptionsValidator : IValidateOptions<CoordinationOptions>
{
    public ValidateOptionsResult Validate(string? name, CoordinationOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
