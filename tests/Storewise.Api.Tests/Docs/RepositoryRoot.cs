namespace Storewise.Api.Tests.Docs;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries that holds the solution.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Storewise.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Storewise.slnx in {AppContext.BaseDirectory} or any directory above it.");
    }
}
