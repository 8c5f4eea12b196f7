namespace Storewise.Api.Hosting;

/// <summary>
/// Documents the body of a handler that reads the request itself, without the content-type matching that
/// <c>Accepts</c> would add (those routes answer a wrong body with their own 400).
/// </summary>
public sealed record DocumentedRequestBody(Type Type, string ContentType);
