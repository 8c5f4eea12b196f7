using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Redemptions;

namespace Storewise.Api.Tests.Hosting;

/// <summary>
/// A service that stops gives back the descriptors it opened: the SQLite files its pooled connections held, and no
/// handle of standard output or error of its own (the request line shares the process's, docs/decisions/0529-request-line-writer.md).
/// Several services in one process (tests, or an embedding host) otherwise ran it out of descriptors.
/// </summary>
public sealed class StoppedServiceDescriptorTests
{
    [Fact]
    public async Task A_stopped_service_closes_its_database_files_and_keeps_no_output_handle_of_its_own()
    {
        // The first service of a process opens the shared output handles; later ones must not add any.
        var first = new SqliteApiFixture();
        await first.InitializeAsync();
        await first.DisposeAsync();

        var outputsBefore = OutputHandles();
        var fixture = new SqliteApiFixture();
        await fixture.InitializeAsync();
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using (var client = fixture.Client(tenant))
        {
            await client.CreateCodesAsync(coupon, "FD-1");
            // Concurrent writers leave several connections in the pool.
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            {
                using var response = await client.RedeemAsync($"o-fd-{i}", "FD-1");
                Assert.Equal(200, (int)response.StatusCode);
            }));
        }

        Assert.Contains(Descriptors(), d => d.Target.StartsWith(fixture.DataDirectory, StringComparison.Ordinal));

        await fixture.DisposeAsync();

        Assert.DoesNotContain(Descriptors(), d => d.Target.StartsWith(fixture.DataDirectory, StringComparison.Ordinal));
        Assert.Equal(outputsBefore, OutputHandles());
    }

    // Descriptors past 0-2 that are the process's standard output or error (the same pipe or file).
    private static int OutputHandles()
    {
        var outputs = new[] { Target("1"), Target("2") }.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Descriptors().Count(d => d.Number > 2 && outputs.Contains(d.Target));
    }

    private static List<(int Number, string Target)> Descriptors() =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(path => (Number: int.Parse(Path.GetFileName(path), System.Globalization.CultureInfo.InvariantCulture), Target: Target(Path.GetFileName(path))))
            .Where(d => d.Target is not null)
            .Select(d => (d.Number, d.Target!))
            .ToList();

    // Null for a descriptor closed while the folder was read.
    private static string? Target(string number)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{number}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
