using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Explorers;

/// <summary>Registers the block-explorer links, validated at start.</summary>
public static class ExplorerServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalExplorers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExplorerOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Load(configuration.GetSection(ExplorerOptions.SectionName)))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExplorerOptions>, ExplorerOptionsValidator>();
        builder.Services.AddSingleton<ExplorerLinks>();
        return builder;
    }
}
