namespace Storewise.Api.Imports;

/// <summary>The states of a code import. UPLOADING is internal: the upload has not finished, the import is not listed.</summary>
public static class ImportStatus
{
    public const string Uploading = "UPLOADING";
    public const string Created = "CREATED";
    public const string Processing = "PROCESSING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}
