namespace AllexPortal.Web.Audit;

/// <summary>
/// An audit export whose permission was already checked (<see cref="AuditReader.PrepareExportAsync"/>), so an
/// endpoint can refuse with a status code before it starts a download; writing it records the export in the log.
/// </summary>
public sealed class AuditExport
{
    private readonly Func<TextWriter, CancellationToken, Task<int>> write;

    internal AuditExport(string fileName, Func<TextWriter, CancellationToken, Task<int>> write)
    {
        FileName = fileName;
        this.write = write;
    }

    /// <summary>The file name to offer, e.g. <c>allexportal-audit-2026-11-26.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>Writes the CSV to <paramref name="text"/> and returns how many entries it holds.</summary>
    public Task<int> WriteAsync(TextWriter text, CancellationToken cancellationToken = default) => write(text, cancellationToken);
}
