using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Explorers;

/// <summary>
/// Refuses to start with a template that is not an absolute https URL containing <c>{tx}</c>: a typo would otherwise
/// only show up as a broken or, worse, plain-http link in front of a user.
/// </summary>
internal sealed class ExplorerOptionsValidator : IValidateOptions<ExplorerOptions>
{
    public ValidateOptionsResult Validate(string? name, ExplorerOptions options)
    {
        var failures = options.Templates
            .Where(entry => !IsValid(entry.Value))
            .Select(entry => $"{ExplorerOptions.SectionName}:{entry.Key} must be an absolute https URL containing {ExplorerOptions.Placeholder} (got '{entry.Value}').")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValid(string template) =>
        template.Contains(ExplorerOptions.Placeholder, StringComparison.Ordinal)
        && Uri.TryCreate(template.Replace(ExplorerOptions.Placeholder, "0", StringComparison.Ordinal), UriKind.Absolute, out var url)
        && url.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(url.Host);
}
