using System.Text.Encodings.Web;
using System.Text.Json;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// The one set of JSON options for the exchange. Relaxed escaping matters for signing: JavaScript's
/// <c>JSON.stringify</c> does not escape <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c> or non-ASCII text,
/// and the server signs what it re-serialises, not the bytes it received.
/// </summary>
public static class AllexJson
{
    /// <summary>Read-only options over <see cref="AllexJsonContext"/>; share them, they are immutable.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The context bound to <see cref="Options"/>.</summary>
    public static AllexJsonContext Context { get; } = (AllexJsonContext)Options.TypeInfoResolver!;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AllexJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var context = new AllexJsonContext(options);
        options.MakeReadOnly();
        return context.Options;
    }
}
