using Xunit.Abstractions;

namespace Storewise.Api.Tests.Docs;

/// <summary>
/// Every citation in a comment of src/ or tests/ leads to a file in the repository and to an id in it, written as
/// docs/README.md says. The cases below pin what the checker accepts and refuses, on the repository's real documents.
/// </summary>
public sealed class CitationTests(ITestOutputHelper output)
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void Every_citation_in_src_and_tests_resolves_to_a_file_and_an_id_in_it()
    {
        var checker = new CitationChecker(Root);
        var problems = new List<CitationProblem>();
        var files = SourceFiles().ToList();
        foreach (var file in files)
        {
            problems.AddRange(checker.Check(Path.GetRelativePath(Root, file).Replace('\\', '/'), File.ReadAllText(file)));
        }

        output.WriteLine($"{checker.Citations} citations in {files.Count} files, {problems.Count} problems");
        Assert.True(files.Count > 100, $"only {files.Count} .cs files found under {Root}");
        Assert.True(checker.Citations > 0, "no citation found at all");
        Assert.True(problems.Count == 0,
            $"{problems.Count} citations do not resolve (bash docs/tools/rewrite-citations.sh rewrites the old forms):\n"
            + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("// docs/spec.md §1.2")]
    [InlineData("/// <summary>Routes (docs/spec.md §1.2, §4.7, §D7, §8 #17).</summary>")]
    [InlineData("// docs/spec.md §8 #22/#23 and §8 #25–#26")]
    [InlineData("// docs/spec.md §0.3 shape B; docs/spec.md §7, Nov 2024.")]
    [InlineData("// docs/spec.md §4.2, docs/pricing-rules.md A02, A41–A44 and A57.")]
    [InlineData("/* docs/decisions/0209-idempotency-keys.md and docs/operations.md */")]
    [InlineData("var url = \"SPEC 1.2 http://x\"; // docs/pricing-rules.md A27")]
    [InlineData("var s = @\"// SPEC 1.2 \"\"A27\"\"\"; var r = \"\"\"\n// D4\n\"\"\"; var c = '\"'; // docs/spec.md §D4")]
    [InlineData("// Quotas in cents: a 0.5, z 1.5; 4 units at 10.00.")]
    public void Resolvable_citations_and_plain_text_pass(string source) =>
        Assert.Empty(new CitationChecker(Root).Check("Example.cs", source));

    [Theory]
    [InlineData("// SPEC 1.2", "SPEC 1.2")]
    [InlineData("// (SPEC 1.2, 4.7, D7, 8 #17)", "SPEC 1.2, 4.7, D7, 8 #17")]
    [InlineData("// PRICING-RULES A27", "PRICING-RULES A27")]
    [InlineData("// (A35)", "A35")]
    [InlineData("// the D4 reason list", "D4")]
    [InlineData("// 8 #24", "8 #24")]
    [InlineData("// §1.2", "§1.2")]
    [InlineData("// docs/spec.md §9.9", "docs/spec.md §9.9")]
    [InlineData("// docs/spec.md §8 #99", "docs/spec.md §8 #99")]
    [InlineData("// docs/spec.md §D4, A27", "docs/spec.md A27")]
    [InlineData("// docs/pricing-rules.md A56–A58", "docs/pricing-rules.md A58")]
    [InlineData("// docs/decisions/0209", "docs/decisions/0209")]
    [InlineData("// docs/SPEC.md §1.2", "docs/SPEC.md")]
    public void A_citation_that_names_no_file_or_no_id_in_it_fails(string source, string cited)
    {
        var problem = Assert.Single(new CitationChecker(Root).Check("Example.cs", source));
        Assert.Equal(cited, problem.Citation);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Problems_name_the_line_of_the_comment()
    {
        var problems = new CitationChecker(Root).Check("Example.cs", "class C\n{\n    /* one\n       SPEC 2.4 */\n}\n");
        Assert.Equal(4, Assert.Single(problems).Line);
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
