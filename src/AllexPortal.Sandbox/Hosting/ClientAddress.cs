using System.Net;

namespace AllexPortal.Sandbox.Hosting;

/// <summary>The caller's IP as the Kit sees it: <c>x-real-ip</c> when a proxy set it, else the socket's.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var header = context.Request.Headers["x-real-ip"].ToString();
        if (header.Length > 0)
        {
            return header;
        }
        var address = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
