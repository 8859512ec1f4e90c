using System.Net;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Security;

public sealed class ErrorPageTests(ErrorPageTests.FailingProductionPortal portal)
    : IClassFixture<ErrorPageTests.FailingProductionPortal>
{
    [Fact]
    public async Task Unhandled_error_shows_a_reference_and_no_internals_outside_development()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/fail-for-test");

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("data-testid=\"error-reference\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingProductionPortal.SecretDetail, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    /// <summary>The portal in Production with one extra request path that throws.</summary>
    public sealed class FailingProductionPortal : PortalFactory
    {
        public const string SecretDetail = "secret detail of the failure";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingPathFilter>());
        }

        /// <summary>Appends, after the portal's own pipeline, a path that fails like a bug would.</summary>
        private sealed class ThrowingPathFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((context, nextMiddleware) => context.Request.Path == "/fail-for-test"
                    ? throw new InvalidOperationException(SecretDetail)
                    : nextMiddleware(context));
            };
        }
    }
}
