namespace AllexPortal.Web.Tests.Teams;

/// <summary>A portal user a test created: their id and the e-mail they sign in with.</summary>
public sealed record TeamUser(string Id, string Email);
