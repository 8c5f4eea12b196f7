using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Storewise.Api.Tests.Infrastructure.TestRunFramework", "Storewise.Api.Tests")]

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// xunit's own test framework plus what spans the whole run (xunit 2 has no assembly fixtures): at the start it
/// removes clusters that a killed earlier run left behind; at the end (passed, failed or cancelled) it stops this
/// run's throwaway PostgreSQL cluster, before reporting the run finished, after which the test host may exit at
/// any moment (so <c>AppDomain.ProcessExit</c> is too late).
/// </summary>
public sealed class TestRunFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // The same body as xunit's, with the assembly runner below.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task AfterTestAssemblyStartingAsync()
        {
            await base.AfterTestAssemblyStartingAsync();
            foreach (var folder in ThrowawayCluster.RemoveAbandoned())
            {
                DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"Removed PostgreSQL cluster {folder}, left by a test run that was killed"));
            }
        }

        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            PostgresServer.StopThrowawayCluster();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
