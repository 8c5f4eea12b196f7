namespace Storewise.Api.Imports;

/// <summary>Why an imported row did not create a code (the error report's <c>reason</c>).</summary>
public static class ImportErrorReason
{
    public const string InvalidCode = "invalid_code";
    public const string NotOneCode = "not_one_code";
    public const string DuplicateInFile = "duplicate_in_file";
    public const string CodeExists = "code_exists";

    public static string Describe(string reason) => reason switch
    {
        InvalidCode => $"not a valid code: characters outside {Codes.CodeText.AllowedCharacters} or longer than {Codes.CodeText.MaxLength}",
        NotOneCode => "expected one code per line",
        DuplicateInFile => "the code appears earlier in the file",
        CodeExists => "the code already exists",
        _ => reason,
    };
}
