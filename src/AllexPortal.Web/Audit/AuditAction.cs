namespace AllexPortal.Web.Audit;

/// <summary>What an audit entry records. Stored by name, so new values may be added anywhere in the list.</summary>
public enum AuditAction
{
    SignedIn,
    SignInFailed,
    SignedOut,
    ExchangeSignedIn,
    ExchangeTwoFactorEnabled,
    ConnectionAdded,
    ConnectionChanged,
    ConnectionRemoved,
    ConnectionMoved,
    ApiKeyCreated,
    ApiKeyPermissionsChanged,
    ApiKeyRevoked,
    OrderPlaced,
    OrderCancelled,
    QuickTradeExecuted,
    WithdrawalRequested,
    ExportDownloaded,
    ReportDownloaded,
    TeamCreated,
    MemberInvited,
    InvitationAccepted,
    InvitationDeclined,
    InvitationRevoked,
    MemberRemoved,
    MemberLeft,
    RoleChanged,
    AccessDenied,
    TeamRenamed,
}
