using System.Globalization;
using System.Text.Json;

namespace AllexPortal.Sandbox.Tests.Infrastructure;

/// <summary>Asserts field names and JSON types, e.g. <c>"id:number,name:string,stop:number|null"</c>.</summary>
internal static class JsonShape
{
    public static JsonElement Select(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? current[index]
                : current.GetProperty(segment);
        }
        return current;
    }

    public static void AssertFields(JsonElement element, string spec)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        foreach (var field in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, kinds) = (field[..field.LastIndexOf(':')], field[(field.LastIndexOf(':') + 1)..].Split('|'));
            Assert.True(element.TryGetProperty(name, out var value), $"missing field '{name}' in {element}");
            Assert.True(kinds.Contains(KindName(value.ValueKind)), $"field '{name}' is {value.ValueKind}, expected {string.Join('|', kinds)}");
        }
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };
}
