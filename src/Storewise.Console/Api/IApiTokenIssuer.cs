namespace Storewise.BackOffice.Api;

/// <summary>Signs a bearer token with the service's own key, as the <c>token</c> command does.</summary>
public interface IApiTokenIssuer
{
    string Issue(string tenant, string user, string scope, TimeSpan lifetime);
}
