namespace Storewise.Api.Tests.Webhooks;

/// <summary>A measurement, not a check: it runs only with <c>STOREWISE_MEASURE=1</c> (docs/performance.md says how).</summary>
public sealed class MeasuredFactAttribute : FactAttribute
{
    public MeasuredFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STOREWISE_MEASURE") != "1")
        {
            Skip = "a measurement: set STOREWISE_MEASURE=1 to run it";
        }
    }
}
