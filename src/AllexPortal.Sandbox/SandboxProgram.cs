using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AllexPortal.Sandbox;

/// <summary>Standalone entry point of the sandbox exchange. No top-level statements, so that the
/// portal (which references this assembly) keeps its own global <c>Program</c>.</summary>
public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls("http://localhost:5090");
        }
        builder.Services.AddAllexSandbox(builder.Configuration.GetSection("Sandbox"));
        var app = builder.Build();
        app.UseAllexSandbox(PathString.Empty);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
        app.Run();
    }

    private static void PrintBanner(WebApplication app)
    {
        var options = app.Services.GetRequiredService<SandboxExchange>().Options;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = options.Demo;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            ALLEX sandbox exchange (HollaEx Kit 2.17.4 emulation), seed {options.Seed}
              API base:      {string.Join(", ", addresses.Select(a => a.TrimEnd('/') + "/v2"))}
              Demo e-mail:   {demo.Email}
              Password:      {demo.Password}
              TOTP secret:   {demo.TotpSecret} (2FA {(demo.OtpEnabled ? "on" : "off")})
              API key:       {demo.ApiKey}
              API secret:    {demo.ApiSecret}  (can_read, can_trade)
            """));
    }
}
