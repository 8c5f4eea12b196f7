using Storewise.Api.Auth;
using Storewise.BackOffice.Api;

namespace Storewise.Api.ConsoleAccounts;

/// <summary>The console's API tokens for local accounts, signed by the service's own <see cref="TokenIssuer"/>.</summary>
public sealed class ConsoleTokens(TokenIssuer issuer) : IApiTokenIssuer
{
    public string Issue(string tenant, string user, string scope, TimeSpan lifetime) => issuer.Issue(tenant, user, scope, lifetime);
}
