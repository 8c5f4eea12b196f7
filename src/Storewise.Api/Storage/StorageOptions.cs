namespace Storewise.Api.Storage;

/// <summary>Which database the service stores its data in, and where.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Folder for the SQLite file and the generated signing key.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
