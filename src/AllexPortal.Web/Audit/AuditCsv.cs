using AllexPortal.Core.Csv;

namespace AllexPortal.Web.Audit;

/// <summary>
/// The audit log as CSV through <see cref="SafeCsv"/>: subjects, details and e-mails are text a user typed or an
/// exchange returned, so a cell such as <c>=HYPERLINK(...)</c> is neutralised before a spreadsheet can run it.
/// </summary>
public static class AuditCsv
{
    /// <summary>The header row.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Time (UTC)", "Actor", "Action", "Subject", "Detail", "IP address"];

    /// <summary>Writes <paramref name="rows"/> with a header row and returns how many rows were written.</summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditRow> rows, TextWriter text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = await SafeCsv.StartAsync(text, Columns);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(SafeCsv.FormatTime(row.At));
            csv.WriteField(SafeCsv.Neutralise(row.ActorEmail ?? "system"));
            csv.WriteField(row.Action.ToString());
            csv.WriteField(SafeCsv.Neutralise(row.Subject));
            csv.WriteField(SafeCsv.Neutralise(row.Detail));
            csv.WriteField(SafeCsv.Neutralise(row.IpAddress));
            await csv.NextRecordAsync();
            count++;
        }

        await csv.FlushAsync();
        return count;
    }
}
