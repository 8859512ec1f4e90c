using System.Reflection;
using System.Runtime.CompilerServices;
using AllexPortal.Web.History;
using AllexPortal.Web.Reports;

namespace AllexPortal.Web.Tests.Access;

/// <summary>
/// Finds, by reflection over the portal's assembly, every public instance method of a public class that takes an id
/// a browser could send: a <see cref="Guid"/> (or several), a <see cref="HistoryQuery"/> or <see cref="ReportRequest"/>
/// (they carry connection ids), or a string parameter named <c>…Id</c> other than the acting <c>userId</c> (an order
/// id, a member's user id). Razor components and EF migrations are left out: components call these services.
/// </summary>
internal static class IdTakingMethods
{
    private static readonly HashSet<string> RecordMembers = ["Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "<Clone>$"];

    /// <summary>Each such method as <c>Type.Method(ParameterType, …)</c>.</summary>
    public static IReadOnlySet<string> All() =>
        typeof(Program).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Where(t => t.Namespace is { } ns
                && !ns.StartsWith("AllexPortal.Web.Components", StringComparison.Ordinal)
                && !ns.StartsWith("AllexPortal.Web.Data.Migrations", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !RecordMembers.Contains(m.Name))
            .Where(m => m.GetParameters().Any(TakesAnId))
            .Select(Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The name a method has in the tables.</summary>
    public static string Key(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static bool TakesAnId(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type.IsByRef)
        {
            return false;
        }

        return type == typeof(Guid)
            || Nullable.GetUnderlyingType(type) == typeof(Guid)
            || type == typeof(HistoryQuery)
            || type == typeof(ReportRequest)
            || (type != typeof(string) && type.GetInterfaces().Append(type).Any(i => i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IEnumerable<>) && i.GetGenericArguments()[0] == typeof(Guid)))
            || (type == typeof(string) && parameter.Name is { } name && name != "userId" && name.EndsWith("Id", StringComparison.Ordinal));
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
