namespace AllexPortal.Web.Email;

/// <summary>One message the portal would have mailed: who to, what about, and the link or code in it.</summary>
/// <param name="To">The recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body.</param>
/// <param name="Link">The confirmation or reset link (or code) the message carries.</param>
/// <param name="SentAt">When the portal produced it.</param>
public sealed record OutboxMessage(string To, string Subject, string Body, string Link, DateTimeOffset SentAt);
