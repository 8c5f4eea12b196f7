namespace Storewise.Api.Tests.Docs;

/// <summary>The text of one line of a comment, without its <c>//</c> or <c>/*</c>, and the line it is on (from 1).</summary>
internal sealed record CommentLine(int Line, string Text);
