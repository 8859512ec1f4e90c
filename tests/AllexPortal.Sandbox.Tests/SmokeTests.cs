namespace AllexPortal.Sandbox.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_under_test_loads()
    {
        Assert.NotNull(typeof(SmokeTests).Assembly.GetName().Name);
    }
}
