using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AllexPortal.Exchange;
using Refit;

namespace AllexPortal.Integration.Tests.Coverage;

/// <summary>
/// Keeps this suite complete: every typed endpoint method of every client interface must be called somewhere in
/// this test assembly. The check reads the assembly's own metadata (the compiler emits a member reference only for
/// a member the code uses), so it needs no hand-kept list and no test ordering, and a method added to any client
/// interface fails it until a test here exercises it against the sandbox.
/// </summary>
public sealed class EndpointCoverageTests
{
    [Fact]
    public void Every_client_endpoint_method_is_exercised_against_the_sandbox()
    {
        var endpoints = EndpointMethods();
        var called = MethodsReferencedByThisAssembly();

        var missing = endpoints.Where(name => !called.Contains(name)).ToList();

        Assert.True(endpoints.Count > 50, $"Only {endpoints.Count} endpoint methods found; the discovery is broken.");
        Assert.Empty(missing);
    }

    /// <summary>"Namespace.Interface.Method" for each Refit-attributed method of the client's public interfaces.</summary>
    private static List<string> EndpointMethods() =>
    [
        .. typeof(IAllexClientFactory).Assembly.GetExportedTypes()
            .Where(type => type.IsInterface)
            .SelectMany(type => type.GetMethods().Select(method => (type, method)))
            .Where(x => x.method.GetCustomAttribute<HttpMethodAttribute>() is not null)
            .Select(x => $"{x.type.FullName}.{x.method.Name}"),
    ];

    private static HashSet<string> MethodsReferencedByThisAssembly()
    {
        using var stream = File.OpenRead(typeof(EndpointCoverageTests).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.GetKind() == MemberReferenceKind.Method && member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                names.Add($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}.{metadata.GetString(member.Name)}");
            }
        }

        return names;
    }
}
