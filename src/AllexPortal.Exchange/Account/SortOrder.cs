namespace AllexPortal.Exchange.Account;

/// <summary>Sort direction of a paged list; sent explicitly because the exchange's default is not documented.</summary>
public enum SortOrder
{
    Asc,
    Desc,
}
