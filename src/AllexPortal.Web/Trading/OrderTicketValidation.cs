using System.Globalization;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Trading;

/// <summary>
/// Checks an order ticket against the pair's minimums, maximums and increments before anything is sent, with one
/// message per field, so the user fixes the form instead of reading the exchange's refusal. The page and the
/// server run the same checks.
/// </summary>
public static class OrderTicketValidation
{
    /// <summary>The problems of <paramref name="ticket"/>, at most one per field; empty when it may be sent.</summary>
    public static IReadOnlyDictionary<OrderField, string> Validate(OrderTicket ticket, PairRules? rules)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var errors = new Dictionary<OrderField, string>();
        if (rules is null)
        {
            errors[OrderField.Symbol] = "Choose a pair the exchange lists.";
            return errors;
        }

        var @base = rules.Base.ToUpperInvariant();
        var quote = rules.Quote.ToUpperInvariant();
        if (Check(ticket.Size, "Size", @base, rules.MinSize, rules.MaxSize, rules.IncrementSize) is { } size)
        {
            errors[OrderField.Size] = size;
        }

        if (ticket.Type == OrderType.Limit && Check(ticket.Price, "Price", quote, rules.MinPrice, rules.MaxPrice, rules.IncrementPrice) is { } price)
        {
            errors[OrderField.Price] = price;
        }

        if (ticket.Stop is not null && Check(ticket.Stop, "Stop price", quote, rules.MinPrice, rules.MaxPrice, rules.IncrementPrice) is { } stop)
        {
            errors[OrderField.Stop] = stop;
        }

        if (ticket.Note is { Length: > OrderTicket.NoteLength })
        {
            errors[OrderField.Note] = $"Keep the note to {OrderTicket.NoteLength} characters.";
        }

        return errors;
    }

    private static string? Check(decimal? value, string name, string coin, decimal? min, decimal? max, decimal? increment)
    {
        if (value is not { } amount)
        {
            return $"{name} is required.";
        }

        if (amount <= 0)
        {
            return $"{name} must be more than zero.";
        }

        if (min is { } low && amount < low)
        {
            return $"{name} must be at least {Show(low)} {coin}.";
        }

        if (max is { } high && amount > high)
        {
            return $"{name} must be at most {Show(high)} {coin}.";
        }

        if (increment is { } step && step > 0 && amount % step != 0)
        {
            return $"{name} must be a multiple of {Show(step)} {coin} (e.g. {Show(Math.Floor(amount / step) * step)}).";
        }

        return null;
    }

    /// <summary>A decimal without trailing zeros, in the invariant culture the exchange uses.</summary>
    internal static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
