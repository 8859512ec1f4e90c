namespace AllexPortal.Sandbox;

/// <summary>Standalone entry point of the sandbox exchange. No top-level statements, so that the
/// portal (which references this assembly) keeps its own global <c>Program</c>.</summary>
public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/v2/health", () => Results.Ok(new { name = "hollaex-kit", version = "2.17.4", status = true }));
        app.Run();
    }
}
