namespace AllexPortal.Exchange.Tests.Json;

/// <summary>The sample responses of the ALLEX seed document, with its "..." placeholders removed.</summary>
internal static class SeedSamples
{
    public const string Health = """{ "name": "hollaex-kit", "version": "2.17.4", "host": "allex.online", "basePath": "/v2", "status": true }""";

    public const string Constants = """
        {
        "coins": {
        "btc": { "symbol": "btc", "fullname": "Bitcoin", "active": true, "allow_deposit": true, "allow_withdrawal": true },
        "eth": { "symbol": "eth", "fullname": "Ethereum", "active": true, "allow_deposit": true, "allow_withdrawal": false }
        },
        "pairs": {
        "btc-usdt": { "name": "btc-usdt", "pair_base": "btc", "pair_2": "usdt", "active": true }
        },
        "config": { }
        }
        """;

    public const string Ticker = """
        {
        "btc-usdt": {
        "time": "2026-03-28T12:00:00.000Z",
        "open": 69500,
        "high": 70200,
        "low": 68800,
        "close": 69031,
        "volume": 6589.42,
        "last": 69031
        }
        }
        """;

    public const string Tickers = """
        {
        "btc-usdt": { "open": 69500, "high": 70200, "low": 68800, "close": 69031, "volume": 6589.42 },
        "eth-usdt": { "open": 2150, "high": 2180, "low": 2050, "close": 2070.98, "volume": 154321.5 }
        }
        """;

    public const string OrderBook = """
        {
        "btc-usdt": {
        "bids": [[69000, 0.5], [68990, 1.2]],
        "asks": [[69050, 0.3], [69060, 0.8]],
        "timestamp": "2026-03-28T12:00:00.000Z"
        }
        }
        """;

    public const string PublicTrades = """
        {
        "btc-usdt": [
        { "size": 0.05, "price": 69031, "side": "buy", "timestamp": "2026-03-28T12:00:05.000Z" },
        { "size": 0.12, "price": 69028, "side": "sell", "timestamp": "2026-03-28T12:00:03.000Z" }
        ]
        }
        """;

    public const string Chart = """
        [
        { "time": "2026-03-28T00:00:00Z", "open": 69500, "high": 70200, "low": 68800, "close": 69031, "volume": 1234.5 },
        { "time": "2026-03-28T01:00:00Z", "open": 69031, "high": 69300, "low": 68900, "close": 69100, "volume": 987.2 }
        ]
        """;

    public const string Signup = """{ "message": "Account created. Please verify your email." }""";

    public const string Login = """{ "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..." }""";

    public const string VerifyToken = """{ "message": "Token is valid" }""";

    public const string User = """
        {
        "id": 1,
        "email": "[email protected]",
        "full_name": "John Doe",
        "verification_level": 2,
        "otp_enabled": true,
        "settings": { "language": "en", "interface": { "theme": "dark" } },
        "balance": {
        "btc_available": 0.5,
        "btc_balance": 0.52,
        "usdt_available": 10000,
        "usdt_balance": 10500
        },
        "created_at": "2026-01-15T10:30:00Z"
        }
        """;

    public const string Balance = """
        {
        "btc_available": 0.5,
        "btc_balance": 0.52,
        "eth_available": 5.0,
        "eth_balance": 5.0,
        "usdt_available": 10000,
        "usdt_balance": 10500
        }
        """;

    public const string UserTrades = """
        {
        "count": 142,
        "data": [
        { "side": "buy", "symbol": "btc-usdt", "size": 0.01, "price": 69031, "fee": 0.69, "timestamp": "2026-03-28T12:00:00Z" }
        ]
        }
        """;

    public const string CreateAddress = """
        {
        "message": "Address created",
        "address": "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
        "crypto": "btc",
        "network": "btc"
        }
        """;

    public const string Deposits = """
        {
        "count": 15,
        "data": [
        { "id": 42, "currency": "btc", "amount": 0.1, "fee": 0, "status": true, "transaction_id": "abc123...", "created_at": "2026-03-20T10:00:00Z" }
        ]
        }
        """;

    public const string WithdrawalRequested = """{ "message": "Withdrawal request submitted. Please check your email to confirm." }""";

    public const string WithdrawalFee = """{ "fee": 0.0005 }""";

    public const string CreatedOrder = """
        {
        "id": "6a8f3b2c-...",
        "side": "buy",
        "symbol": "btc-usdt",
        "type": "limit",
        "size": 0.001,
        "price": 68000,
        "filled": 0,
        "status": "new",
        "created_at": "2026-03-28T12:05:00Z"
        }
        """;

    public const string CanceledOrder = """
        {
        "id": "6a8f3b2c-...",
        "status": "canceled",
        "filled": 0
        }
        """;

    public const string Orders = """
        {
        "count": 3,
        "data": [
        { "id": "6a8f3b2c-...", "side": "buy", "symbol": "btc-usdt", "type": "limit", "price": 68000, "size": 0.001, "filled": 0, "status": "new" }
        ]
        }
        """;

    public const string OtpSecret = """{ "secret": "JBSWY3DPEHPK3PXP" }""";

    public const string ApiKeys = """
        [
        {
        "id": 1,
        "name": "Trading Bot",
        "apiKey": "ak_...",
        "active": true,
        "permissions": { "can_read": true, "can_trade": true, "can_withdraw": false },
        "created": "2026-03-01T10:00:00Z"
        }
        ]
        """;

    public const string CreatedApiKey = """
        {
        "id": 2,
        "name": "My Bot",
        "apiKey": "ak_abc123...",
        "secret": "sk_xyz789...",
        "permissions": { "can_read": true, "can_trade": true, "can_withdraw": false },
        "created": "2026-03-28T12:00:00Z"
        }
        """;
}
