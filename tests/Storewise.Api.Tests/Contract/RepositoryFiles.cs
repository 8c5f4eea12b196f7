namespace Storewise.Api.Tests.Contract;

/// <summary>Files of the repository the tests compare against (found from the test binaries upwards).</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Storewise.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root (Storewise.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string OpenApiDocument => Path.Combine(Root, "docs", "openapi.json");
}
