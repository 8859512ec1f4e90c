namespace AllexPortal.Web.History;

/// <summary>The values a history's filter pickers offer: what actually occurs in the user's ledger.</summary>
/// <param name="Symbols">Trades and orders: pairs held; transfers: currencies held. Sorted.</param>
/// <param name="Coins">Trades and orders: the coins of those pairs (a bare coin filters both sides). Sorted.</param>
/// <param name="Statuses">Orders: statuses occurring; transfers: states occurring (lower case); trades: none.</param>
public sealed record HistoryFacets(IReadOnlyList<string> Symbols, IReadOnlyList<string> Coins, IReadOnlyList<string> Statuses);
