using System.Security.Cryptography;
using System.Text;
using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Auth;
using AllexPortal.Sandbox.Faults;
using AllexPortal.Sandbox.History;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.RateLimits;
using AllexPortal.Sandbox.Trading;

namespace AllexPortal.Sandbox;

/// <summary>The root of one emulated exchange: owns all state and services of a run (registered as one
/// singleton so nothing collides with a host's services) and offers tests the sandbox's own truth.</summary>
public sealed class SandboxExchange
{
    private const decimal HouseFunds = 1_000_000_000_000m;

    public SandboxExchange(SandboxOptions options, TimeProvider time, ILogger<SandboxExchange> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time;
        Logger = logger;
        StartedAt = time.GetUtcNow();
        var origin = new DateTimeOffset(StartedAt.UtcTicks - StartedAt.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero)
            .AddDays(-(options.HistoryDays + 30));
        var catalog = new MarketCatalog();
        Prices = new PricePath(catalog, options.Seed, origin, (options.HistoryDays + 30 + 1100) * 24);
        State = new SandboxState(catalog, Prices, options.Seed);
        Synthetic = new SyntheticBook(Prices, options.Seed);
        Engine = new MatchingEngine(State, Synthetic, time);
        Sessions = new SessionTokens(SHA256.HashData(Encoding.UTF8.GetBytes($"allex-sandbox-jwt:{options.Seed}")), time);
        Authenticator = new RequestAuthenticator(State, Sessions, options.RejectReplayedSignatures ? new SignatureReplayGuard() : null, time);
        Faults = new FaultState(options.Faults);
        RateLimiter = new SandboxRateLimiter(options.RateLimits, time);

        var house = State.AddUser("market-maker@sandbox.allex.local", State.NewHex(16), origin, isHouse: true);
        Array.Fill(house.Available, HouseFunds);
        var history = new DemoHistoryGenerator(State, Engine);
        Seed(options.Demo, history, options.Seed * 31 + 1, verificationLevel: 2, openOrders: true);
        Seed(options.Large, history, options.Seed * 31 + 2, verificationLevel: 1, openOrders: false);
    }

    /// <summary>The options of this run.</summary>
    public SandboxOptions Options { get; }

    /// <summary>The clock every time-dependent rule reads (JWT and HMAC expiry, prices, rate limits).</summary>
    public TimeProvider Time { get; }

    /// <summary>When the run started; the demo history ends just before it.</summary>
    public DateTimeOffset StartedAt { get; }

    internal ILogger Logger { get; }

    internal PricePath Prices { get; }

    internal SandboxState State { get; }

    internal SyntheticBook Synthetic { get; }

    internal MatchingEngine Engine { get; }

    internal SessionTokens Sessions { get; }

    internal RequestAuthenticator Authenticator { get; }

    internal FaultState Faults { get; }

    internal SandboxRateLimiter RateLimiter { get; }

    internal RequestTally Requests { get; } = new();

    /// <summary>How many <paramref name="method"/> requests reached <paramref name="path"/> (e.g. <c>/v2/order</c>)
    /// since start, counted before faults and rate limits answer them.</summary>
    public int RequestsTo(string method, string path) => Requests.Of(method, path);

    /// <summary>All fills of an account, oldest first.</summary>
    public IReadOnlyList<SandboxTrade> TradesOf(string email) => Read(email, u => (IReadOnlyList<SandboxTrade>)[.. u.Trades]);

    /// <summary>All deposits of an account, oldest first.</summary>
    public IReadOnlyList<SandboxTransfer> DepositsOf(string email) => Read(email, u => (IReadOnlyList<SandboxTransfer>)[.. u.Deposits.OrderBy(d => d.CreatedAt)]);

    /// <summary>All withdrawals of an account, oldest first.</summary>
    public IReadOnlyList<SandboxTransfer> WithdrawalsOf(string email) => Read(email, u => (IReadOnlyList<SandboxTransfer>)[.. u.Withdrawals.OrderBy(d => d.CreatedAt)]);

    /// <summary>Orders placed through the API or seeded as open (historical filled orders are implied by trades).</summary>
    public IReadOnlyList<SandboxOrder> LiveOrdersOf(string email) => Read(email, u => (IReadOnlyList<SandboxOrder>)[.. u.Orders.Select(o => o.ToWire())]);

    /// <summary>Balances of an account per coin.</summary>
    public IReadOnlyList<SandboxBalance> BalancesOf(string email) => Read(email, u =>
        (IReadOnlyList<SandboxBalance>)[.. State.Catalog.Coins.Select((c, i) => new SandboxBalance(c.Symbol, u.Available[i], u.Available[i] + u.Held[i]))]);

    /// <summary>Every coin held anywhere in the sandbox (all accounts incl. the market maker, plus collected
    /// fees). Trading never changes it; deposits add and withdrawals remove exactly their amounts.</summary>
    public IReadOnlyDictionary<string, decimal> TotalHoldings()
    {
        lock (State.Gate)
        {
            return State.Catalog.Coins.Select((c, i) => (c.Symbol, Total: State.Users.Sum(u => u.Available[i] + u.Held[i]) + State.FeesCollected[i]))
                .ToDictionary(x => x.Symbol, x => x.Total, StringComparer.Ordinal);
        }
    }

    /// <summary>The pair's current price on the sandbox's price path.</summary>
    public decimal PriceOf(string symbol)
    {
        var pair = State.Catalog.FindPair(symbol) ?? throw new ArgumentException($"Unknown pair {symbol}", nameof(symbol));
        return Prices.Price(pair, Time.GetUtcNow());
    }

    /// <summary>The e-mail code last "sent" to an account (also logged), or null.</summary>
    public string? EmailCodeOf(string email) => Read(email, u => u.EmailCode);

    /// <summary>Deactivates (or reactivates) an account as the exchange's operators would: its login is refused
    /// with a message of its own, whatever the password and 2FA code.</summary>
    public void SetDeactivated(string email, bool deactivated = true)
    {
        lock (State.Gate)
        {
            FindOrThrow(email).Deactivated = deactivated;
        }
    }

    /// <summary>Replaces the faults still to inject.</summary>
    public void SetFaults(FaultOptions faults) => Faults.Replace(faults);

    /// <summary>Credits a completed deposit to an account (test set-up).</summary>
    public void Deposit(string email, string coin, decimal amount)
    {
        lock (State.Gate)
        {
            CreditDeposit(FindOrThrow(email), coin, amount, "Sandbox deposit");
        }
    }

    /// <summary>Records a deposit the exchange has seen but not yet credited (test set-up for syncs that must re-read
    /// pending transfers); <see cref="CompleteDeposit"/> settles it later. Returns the deposit's id.</summary>
    public int DepositPending(string email, string coin, decimal amount)
    {
        lock (State.Gate)
        {
            var user = FindOrThrow(email);
            var now = Time.GetUtcNow();
            var index = State.CoinIndex(coin);
            var deposit = new SandboxTransfer(State.NextTransferId(), "deposit", coin, amount, 0, coin,
                SandboxAddresses.For(user.Id, coin), State.NewHex(32), State.Catalog.Coins[index].DefaultNetwork,
                Status: false, Dismissed: false, Rejected: false, Processing: true, Waiting: false, "Sandbox pending deposit", user.Id, now, now);
            user.Deposits.Add(deposit);
            return deposit.Id;
        }
    }

    /// <summary>Completes a pending deposit: credits its amount and marks it done, as the exchange does once the
    /// chain confirms it.</summary>
    public void CompleteDeposit(string email, int id)
    {
        lock (State.Gate)
        {
            var user = FindOrThrow(email);
            var at = user.Deposits.FindIndex(d => d.Id == id);
            if (at < 0 || user.Deposits[at].Status)
            {
                throw new ArgumentException($"No pending deposit {id} of {email}", nameof(id));
            }
            var now = Time.GetUtcNow();
            var deposit = user.Deposits[at];
            user.Credit(State.CoinIndex(deposit.Currency), deposit.Amount, now);
            user.Deposits[at] = deposit with { Status = true, Processing = false, UpdatedAt = now };
        }
    }

    internal void CreditDeposit(SandboxUser user, string coin, decimal amount, string description)
    {
        var now = Time.GetUtcNow();
        var index = State.CoinIndex(coin);
        user.Credit(index, amount, now);
        user.Deposits.Add(new SandboxTransfer(State.NextTransferId(), "deposit", coin, amount, 0, coin,
            SandboxAddresses.For(user.Id, coin), State.NewHex(32), State.Catalog.Coins[index].DefaultNetwork,
            Status: true, Dismissed: false, Rejected: false, Processing: false, Waiting: false, description, user.Id, now, now));
    }

    private T Read<T>(string email, Func<SandboxUser, T> read)
    {
        lock (State.Gate)
        {
            return read(FindOrThrow(email));
        }
    }

    private SandboxUser FindOrThrow(string email) =>
        State.FindUser(email) ?? throw new ArgumentException($"No sandbox account {email}", nameof(email));

    private void Seed(SandboxAccountOptions account, DemoHistoryGenerator history, int seed, int verificationLevel, bool openOrders)
    {
        if (!account.Enabled)
        {
            return;
        }
        var from = StartedAt.AddDays(-Options.HistoryDays);
        var user = State.AddUser(account.Email, account.Password, from.AddDays(-3));
        user.VerificationLevel = verificationLevel;
        user.OtpSecret = account.TotpSecret;
        user.OtpEnabled = account.OtpEnabled;
        var key = State.AddKey(user, "Sandbox key", account.ApiKey, account.ApiSecret, from.AddDays(-2));
        key.CanTrade = true;
        history.Generate(user, account.TradeCount, seed, from, StartedAt.AddHours(-2));
        foreach (var coin in user.Deposits.Select(d => d.Currency).Distinct())
        {
            user.Wallet.Add(new DepositAddress(coin, SandboxAddresses.For(user.Id, coin), user.Deposits.First(d => d.Currency == coin).Network, null, true, from));
        }
        if (openOrders)
        {
            history.PlaceOpenOrders(user);
        }
        Logger.LogInformation("Sandbox account {Email}: {Trades} trades, {Deposits} deposits, {Withdrawals} withdrawals",
            user.Email, user.Trades.Count, user.Deposits.Count, user.Withdrawals.Count);
    }
}
