namespace Storewise.Api.Tests.Storage;

/// <summary>Provider differences live in Storage/ (the dialect); feature code names no provider type.</summary>
public sealed class ProviderIsolationTests
{
    private static readonly string[] ProviderNamespaces = ["Npgsql", "Microsoft.Data.Sqlite"];

    [Fact]
    public void No_source_file_outside_storage_mentions_a_provider()
    {
        var api = Path.Combine(RepositoryRoot(), "src", "Storewise.Api");
        var storage = Path.Combine(api, "Storage") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var offenders = files
            .Where(f => !f.StartsWith(storage, StringComparison.Ordinal))
            .Where(f => ProviderNamespaces.Any(File.ReadAllText(f).Contains))
            .Select(f => Path.GetRelativePath(api, f))
            .ToList();
        Assert.True(offenders.Count == 0, "provider types outside Storage/: " + string.Join(", ", offenders));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storewise.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Storewise.slnx not found above " + AppContext.BaseDirectory);
    }
}
