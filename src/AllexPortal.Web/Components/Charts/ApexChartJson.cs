using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllexPortal.Web.Components.Charts;

/// <summary>
/// The chart options as the JSON that <c>apexcharts-interop.js</c> reads (camelCase, as Blazor's own interop
/// serialiser writes). <see cref="ApexChart"/> sends this text rather than the options object: Blazor serialises
/// interop arguments with a serialiser per circuit, which would build and keep its own metadata for the option types
/// in every open tab, while this source-generated context is one for the whole process.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApexChartOptions))]
public sealed partial class ApexChartJson : JsonSerializerContext
{
    /// <summary>The JSON of <paramref name="options"/>.</summary>
    public static string Write(ApexChartOptions options) => JsonSerializer.Serialize(options, Default.ApexChartOptions);

    /// <summary>The options a JSON text written by <see cref="Write"/> holds.</summary>
    public static ApexChartOptions Read(string json) =>
        JsonSerializer.Deserialize(json, Default.ApexChartOptions) ?? throw new JsonException("The chart options are null.");
}
