using System.Text.Json.Serialization;

namespace AllexPortal.Web.Components.Charts;

/// <summary>The ApexCharts chart types the portal draws.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApexChartKind>))]
public enum ApexChartKind
{
    [JsonStringEnumMemberName("donut")]
    Donut,

    [JsonStringEnumMemberName("area")]
    Area,

    [JsonStringEnumMemberName("line")]
    Line,

    [JsonStringEnumMemberName("bar")]
    Bar,
}
