using System.Globalization;
using System.Text.Json;
using AllexPortal.Core.Portfolio;
using AllexPortal.Exchange.Account;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Reads and writes <see cref="ValuationSnapshot"/> rows (always valued in <see cref="Quote"/>). Callers pass
/// connection ids they have already checked belong to the user.
/// </summary>
public sealed class SnapshotStore(IDbContextFactory<PortalDb> databases)
{
    /// <summary>The currency snapshots are recorded in.</summary>
    public const string Quote = "usdt";

    /// <summary>Records a snapshot unless the connection already has one less than <paramref name="spacing"/> old.</summary>
    /// <returns>True when a row was written.</returns>
    public async Task<bool> RecordAsync(
        Guid connectionId, DateTimeOffset at, decimal totalUsdt, IReadOnlyDictionary<string, decimal> holdings,
        ValuationSnapshotSource source, TimeSpan spacing, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var since = at - spacing;
        if (spacing > TimeSpan.Zero && await db.ValuationSnapshots.AnyAsync(
                s => s.ConnectionId == connectionId && s.Source != ValuationSnapshotSource.BalanceHistory && s.Source != ValuationSnapshotSource.Ledger && s.TakenAt > since,
                cancellationToken))
        {
            return false;
        }

        db.ValuationSnapshots.Add(new ValuationSnapshot
        {
            ConnectionId = connectionId,
            TakenAt = at,
            QuoteCurrency = Quote,
            TotalValue = totalUsdt,
            Holdings = JsonSerializer.Serialize(holdings),
            Source = source,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>True when the connection's balance history has been copied already.</summary>
    public async Task<bool> IsBackfilledAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ValuationSnapshots.AnyAsync(
            s => s.ConnectionId == connectionId && s.Source == ValuationSnapshotSource.BalanceHistory, cancellationToken);
    }

    /// <summary>Copies the exchange's balance-history rows (valued in usdt by the exchange) as snapshots.</summary>
    public async Task<int> BackfillAsync(Guid connectionId, IEnumerable<BalanceSnapshot> rows, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var added = 0;
        foreach (var row in rows.Where(r => r.Total is not null && r.CreatedAt is not null))
        {
            db.ValuationSnapshots.Add(new ValuationSnapshot
            {
                ConnectionId = connectionId,
                TakenAt = row.CreatedAt!.Value.ToUniversalTime(),
                QuoteCurrency = Quote,
                TotalValue = row.Total!.Value,
                Holdings = JsonSerializer.Serialize(HoldingsOf(row)),
                Source = ValuationSnapshotSource.BalanceHistory,
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>The connection's newest snapshot (any source), or null when it has none.</summary>
    public async Task<StoredValuation?> LatestAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var latest = await db.ValuationSnapshots.AsNoTracking()
            .Where(s => s.ConnectionId == connectionId)
            .OrderByDescending(s => s.TakenAt)
            .Select(s => new { s.TakenAt, s.TotalValue, s.Holdings })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null
            ? null
            : new StoredValuation(
                latest.TakenAt,
                latest.TotalValue,
                JsonSerializer.Deserialize<Dictionary<string, decimal>>(latest.Holdings) ?? new Dictionary<string, decimal>(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every snapshot value of the connections since <paramref name="from"/>, plus each one's last before it. A ledger
    /// snapshot (<see cref="ValuationSnapshotSource.Ledger"/>) counts only where no recorded one lies within
    /// <see cref="LedgerBackfill.RecordedSnapshotReach"/>, so a day is never shown twice from two sources.
    /// </summary>
    public async Task<IReadOnlyList<SeriesValue>> SeriesAsync(IReadOnlyCollection<Guid> connectionIds, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var values = new List<SeriesValue>();
        var reach = LedgerBackfill.RecordedSnapshotReach;
        foreach (var id in connectionIds)
        {
            var window = from.UtcTicks - DateTimeOffset.MinValue.UtcTicks < reach.Ticks ? DateTimeOffset.MinValue : from - reach;
            var rows = await db.ValuationSnapshots.AsNoTracking()
                .Where(s => s.ConnectionId == id && s.TakenAt >= window)
                .Select(s => new { s.TakenAt, s.TotalValue, s.Source })
                .ToListAsync(cancellationToken);
            var earlier = await db.ValuationSnapshots.AsNoTracking()
                .Where(s => s.ConnectionId == id && s.TakenAt < window)
                .OrderByDescending(s => s.TakenAt)
                .Select(s => new { s.TakenAt, s.TotalValue, s.Source })
                .FirstOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                rows.Add(earlier);
            }

            var recorded = rows.Where(r => r.Source != ValuationSnapshotSource.Ledger).Select(r => r.TakenAt.UtcTicks).Order().ToList();
            var shown = rows
                .Where(r => r.Source != ValuationSnapshotSource.Ledger || !LedgerBackfill.IsNear(recorded, r.TakenAt))
                .OrderBy(r => r.TakenAt)
                .ToList();
            var key = id.ToString("N");
            values.AddRange(shown.Where(r => r.TakenAt >= from).Select(r => new SeriesValue(key, r.TakenAt, r.TotalValue)));
            if (shown.LastOrDefault(r => r.TakenAt < from) is { } before)
            {
                values.Add(new SeriesValue(key, before.TakenAt, before.TotalValue));
            }
        }

        return values;
    }

    private static Dictionary<string, decimal> HoldingsOf(BalanceSnapshot row)
    {
        var holdings = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (row.Other is null || !row.Other.TryGetValue("balance", out var balance) || balance.ValueKind != JsonValueKind.Object)
        {
            return holdings;
        }

        foreach (var coin in balance.EnumerateObject())
        {
            var amount = coin.Value.ValueKind == JsonValueKind.Object && coin.Value.TryGetProperty("original_value", out var original)
                ? original
                : coin.Value;
            if (amount.ValueKind == JsonValueKind.Number && amount.TryGetDecimal(out var value))
            {
                holdings[coin.Name] = value;
            }
            else if (amount.ValueKind == JsonValueKind.String && decimal.TryParse(amount.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                holdings[coin.Name] = value;
            }
        }

        return holdings;
    }
}
