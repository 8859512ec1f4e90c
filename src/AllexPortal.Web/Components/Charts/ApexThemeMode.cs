using System.Text.Json.Serialization;

namespace AllexPortal.Web.Components.Charts;

/// <summary>ApexCharts' <c>theme.mode</c>: text, grid and tooltip colours for a light or dark page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApexThemeMode>))]
public enum ApexThemeMode
{
    [JsonStringEnumMemberName("light")]
    Light,

    [JsonStringEnumMemberName("dark")]
    Dark,
}
