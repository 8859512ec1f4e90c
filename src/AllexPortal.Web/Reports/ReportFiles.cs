using System.Globalization;

namespace AllexPortal.Web.Reports;

/// <summary>The URL segment, file name and content type of each <see cref="ReportFile"/>.</summary>
public static class ReportFiles
{
    /// <summary>All files, in the order the page offers them.</summary>
    public static readonly IReadOnlyList<ReportFile> All =
        [ReportFile.CapitalGains, ReportFile.Koinly, ReportFile.Transactions, ReportFile.Lots, ReportFile.Workbook];

    /// <summary>The download path of <paramref name="file"/> of report <paramref name="reportId"/>.</summary>
    public static string Path(Guid reportId, ReportFile file) =>
        string.Create(CultureInfo.InvariantCulture, $"/reports/files/{reportId:D}/{Segment(file)}");

    /// <summary>The last path segment naming <paramref name="file"/>.</summary>
    public static string Segment(ReportFile file) => file switch
    {
        ReportFile.CapitalGains => "capital-gains.csv",
        ReportFile.Koinly => "koinly.csv",
        ReportFile.Transactions => "transactions.csv",
        ReportFile.Lots => "lots.csv",
        _ => "report.xlsx",
    };

    /// <summary>The file named by a path segment, if any.</summary>
    public static ReportFile? Parse(string segment) => All.Cast<ReportFile?>().FirstOrDefault(f => Segment(f!.Value) == segment);

    /// <summary>What the button says.</summary>
    public static string Title(ReportFile file) => file switch
    {
        ReportFile.CapitalGains => "Capital gains (Form 8949) CSV",
        ReportFile.Koinly => "Koinly CSV",
        ReportFile.Transactions => "Transactions CSV",
        ReportFile.Lots => "Remaining lots CSV",
        _ => "Excel workbook",
    };

    public static string ContentType(ReportFile file) => file == ReportFile.Workbook
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>The name the browser saves it under, e.g. <c>allexportal-2025-fifo-usdt-capital-gains.csv</c>.</summary>
    public static string FileName(ComputedReport computed, ReportFile file)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var request = computed.Request;
        var start = request.Period.Start;
        var end = request.Period.End;
        var period = start.Month == 1 && start.Day == 1 && end == start.AddYears(1)
            ? start.Year.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{start:yyyyMMdd}-{end.AddDays(-1):yyyyMMdd}");
        var method = request.Method.ToString().ToLowerInvariant();
        var name = System.IO.Path.GetFileNameWithoutExtension(Segment(file));
        return $"allexportal-{period}-{method}-{request.Currency.Code}-{name}{System.IO.Path.GetExtension(Segment(file))}";
    }
}
