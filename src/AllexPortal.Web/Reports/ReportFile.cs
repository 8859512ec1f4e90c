namespace AllexPortal.Web.Reports;

/// <summary>The files a computed report can be downloaded as.</summary>
public enum ReportFile
{
    /// <summary>Capital gains in the shape of Form 8949 (CSV).</summary>
    CapitalGains,

    /// <summary>Koinly universal import (CSV).</summary>
    Koinly,

    /// <summary>Every transaction of the period (CSV).</summary>
    Transactions,

    /// <summary>Lots held or in transit at the period end (CSV).</summary>
    Lots,

    /// <summary>The whole report, one sheet per part (.xlsx).</summary>
    Workbook,
}
