namespace AllexPortal.Integration.Tests.Infrastructure;

/// <summary>Reads a streamed CSV export to its end, disposing the stream the client handed over.</summary>
public static class ExportText
{
    public static async Task<string> ReadToEndAsync(this Task<Stream> export)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var stream = await export;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
