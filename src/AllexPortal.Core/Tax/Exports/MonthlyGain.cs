namespace AllexPortal.Core.Tax.Exports;

/// <summary>The realised gain of the disposals in one calendar month (UTC).</summary>
/// <param name="Month">Midnight UTC on the first day of the month.</param>
/// <param name="Gain">Proceeds less cost basis of the month's disposals; negative for a loss.</param>
public sealed record MonthlyGain(DateTimeOffset Month, decimal Gain);
