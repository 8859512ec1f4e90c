namespace AllexPortal.Web.Reports;

/// <summary>Where a <see cref="ReportJob"/> stands.</summary>
public enum ReportJobStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
