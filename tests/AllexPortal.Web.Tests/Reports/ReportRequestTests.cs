using AllexPortal.Core.Tax;
using AllexPortal.Web.Reports;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>How per-tax-year methods enter a request's options and cache key.</summary>
public sealed class ReportRequestTests
{
    private static readonly Guid Connection = Guid.Parse("5d0c3a1e-8f4b-4d55-9a53-8a1b1c2d3e4f");
    private static readonly ReportRequest Fifo2025 = new([Connection], new TaxYear(2025).Period, CostBasisMethod.Fifo);

    [Fact]
    public void A_year_with_another_method_changes_the_cache_key_and_reaches_the_options()
    {
        var request = Fifo2025 with { MethodByTaxYear = new Dictionary<int, CostBasisMethod> { [2024] = CostBasisMethod.Hifo } };

        var options = request.ToOptions();

        Assert.NotEqual(Fifo2025.CacheKey, request.CacheKey);
        Assert.Equal(CostBasisMethod.Hifo, options.MethodFor(new TaxYear(2024)));
        Assert.Equal(CostBasisMethod.Fifo, options.MethodFor(new TaxYear(2025)));
    }

    [Fact]
    public void Overrides_that_cannot_change_the_report_leave_the_cache_key_alone()
    {
        var request = Fifo2025 with
        {
            MethodByTaxYear = new Dictionary<int, CostBasisMethod> { [2024] = CostBasisMethod.Fifo, [2026] = CostBasisMethod.Lifo },
        };

        var options = request.ToOptions();

        Assert.Equal(Fifo2025.CacheKey, request.CacheKey);
        Assert.Empty(options.MethodByTaxYear);
    }

    [Fact]
    public void The_order_overrides_were_given_in_does_not_matter()
    {
        var one = Fifo2025 with
        {
            MethodByTaxYear = new Dictionary<int, CostBasisMethod> { [2023] = CostBasisMethod.Lifo, [2025] = CostBasisMethod.AverageCost },
        };
        var other = Fifo2025 with
        {
            MethodByTaxYear = new Dictionary<int, CostBasisMethod> { [2025] = CostBasisMethod.AverageCost, [2023] = CostBasisMethod.Lifo },
        };

        Assert.Equal(one.CacheKey, other.CacheKey);
    }
}
