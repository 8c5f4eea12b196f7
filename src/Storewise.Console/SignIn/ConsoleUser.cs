using System.Security.Claims;
using Storewise.BackOffice.Accounts;

namespace Storewise.BackOffice.SignIn;

/// <summary>The signed-in user as the console's cookie names them: tenant, user, API scopes, and how they signed in.</summary>
public sealed record ConsoleUser(string Tenant, string Name, string Scope, bool IsLocal)
{
    public const string TenantClaim = "tenant";
    public const string SubjectClaim = "sub";
    public const string ScopeClaim = "scope";

    /// <summary>Marks a local account: its API calls carry a token the console signs (docs/decisions/1102-local-console-accounts.md).</summary>
    public const string LocalSignInClaim = "storewise_local";

    public bool CanEditOffers => Has(AccountScopes.PromotionsWrite);

    public bool CanReadConfiguration => Has(AccountScopes.ConfigRead);

    public bool CanEditConfiguration => Has(AccountScopes.ConfigWrite);

    public bool Has(string scope) => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);

    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        var tenant = principal.FindFirstValue(TenantClaim);
        if (principal.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(tenant))
        {
            return null;
        }

        var scope = string.Join(' ', principal.FindAll(ScopeClaim).Select(c => c.Value));
        return new ConsoleUser(tenant, principal.FindFirstValue(SubjectClaim) ?? "", scope, principal.HasClaim(LocalSignInClaim, "true"));
    }

    public static ClaimsPrincipal ForLocalAccount(ConsoleAccount account) =>
        new(new ClaimsIdentity(
            [
                new Claim(TenantClaim, account.Tenant),
                new Claim(SubjectClaim, account.UserName),
                new Claim(ScopeClaim, account.Scopes),
                new Claim(LocalSignInClaim, "true"),
            ],
            ConsoleSchemes.Cookie,
            SubjectClaim,
            null));
}
