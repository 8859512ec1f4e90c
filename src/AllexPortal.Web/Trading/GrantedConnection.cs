using AllexPortal.Exchange;
using AllexPortal.Web.Access;

namespace AllexPortal.Web.Trading;

/// <summary>A connection the acting user was granted a permission on, opened for calls to its exchange.</summary>
public sealed record GrantedConnection(ConnectionGrant Grant, string Label, Uri ExchangeUrl, AllexApiKeyClient Client);
