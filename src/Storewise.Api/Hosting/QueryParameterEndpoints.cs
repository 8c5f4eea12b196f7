namespace Storewise.Api.Hosting;

/// <summary>The query parameters a route reads, as endpoint metadata that the OpenAPI conventions turn into parameters.</summary>
public sealed record DocumentedQuery(IReadOnlyList<QueryParameter> Parameters);

public static class QueryParameterEndpoints
{
    /// <summary>Documents the query parameters the route's handler reads (see <see cref="QueryParameter"/>).</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params IEnumerable<QueryParameter> parameters) =>
        builder.WithMetadata(new DocumentedQuery([.. parameters]));
}
