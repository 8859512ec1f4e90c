using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AllexPortal.Sandbox;

/// <summary>Registers the sandbox exchange: one <see cref="SandboxExchange"/> singleton that owns everything,
/// so nothing collides with the host's services.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SandboxOptions"/> from a configuration section (e.g. <c>Sandbox</c>).</summary>
    public static IServiceCollection AddAllexSandbox(this IServiceCollection services, IConfiguration section) =>
        services.AddAllexSandbox(options => section.Bind(options));

    /// <summary>Configures <see cref="SandboxOptions"/> in code.</summary>
    public static IServiceCollection AddAllexSandbox(this IServiceCollection services, Action<SandboxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SandboxOptions();
        configure(options);
        return services.AddAllexSandbox(options);
    }

    /// <summary>Uses a ready <see cref="SandboxOptions"/> instance.</summary>
    public static IServiceCollection AddAllexSandbox(this IServiceCollection services, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        services.AddRouting();
        services.TryAddSingleton(sp => new SandboxExchange(options, sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<SandboxExchange>>()));
        return services;
    }

    private static void Validate(SandboxOptions options)
    {
        if (options.HistoryDays is < 1 or > 3_650)
        {
            throw new OptionsValidationException(nameof(SandboxOptions), typeof(SandboxOptions), ["HistoryDays must be between 1 and 3650."]);
        }
        if (options.Demo.TradeCount is < 0 or > 1_000_000 || options.Large.TradeCount is < 0 or > 1_000_000)
        {
            throw new OptionsValidationException(nameof(SandboxOptions), typeof(SandboxOptions), ["TradeCount must be between 0 and 1,000,000."]);
        }
        if (options.MaxPageSize < 1)
        {
            throw new OptionsValidationException(nameof(SandboxOptions), typeof(SandboxOptions), ["MaxPageSize must be positive."]);
        }
    }
}
