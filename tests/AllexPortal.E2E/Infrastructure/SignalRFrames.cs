using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AllexPortal.E2E.Infrastructure;

/// <summary>
/// Every WebSocket frame between the page and the portal (the Blazor circuit), kept so a test can ask whether a
/// text ever travelled in one. Render batches travel as base64 inside the JSON hub protocol, so base64 runs are
/// decoded before searching, and binary frames are searched as UTF-8.
/// </summary>
public sealed partial class SignalRFrames
{
    private readonly ConcurrentQueue<string> frames = new();

    public SignalRFrames(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => frames.Enqueue(Readable(frame));
            socket.FrameSent += (_, frame) => frames.Enqueue(Readable(frame));
        };
    }

    /// <summary>How many frames were seen so far: a mark to search from later.</summary>
    public int Count => frames.Count;

    /// <summary>Every frame seen so far, in order, readable as <see cref="Contain"/> searches them.</summary>
    public IReadOnlyList<string> All => [.. frames];

    /// <summary>True when <paramref name="text"/> travelled in any frame from <paramref name="from"/> on.</summary>
    public bool Contain(string text, int from = 0) =>
        frames.Skip(from).Any(frame => frame.Contains(text, StringComparison.Ordinal));

    private static string Readable(IWebSocketFrame frame)
    {
        var raw = frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []);
        var readable = new StringBuilder(raw);
        foreach (Match run in Base64Run().Matches(raw))
        {
            try
            {
                readable.Append('\n').Append(Encoding.UTF8.GetString(Convert.FromBase64String(run.Value)));
            }
            catch (FormatException)
            {
                // Not base64 after all (e.g. a long identifier); the raw text is already searched.
            }
        }

        return readable.ToString();
    }

    [GeneratedRegex("[A-Za-z0-9+/]{16,}={0,2}")]
    private static partial Regex Base64Run();
}
