namespace AllexPortal.Web.Trading;

/// <summary>The fields of an order ticket that a validation message can belong to.</summary>
public enum OrderField
{
    Connection,
    Symbol,
    Size,
    Price,
    Stop,
    Note,
}
