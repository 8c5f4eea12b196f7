using Microsoft.AspNetCore.Identity;

namespace Storewise.BackOffice.Accounts;

/// <summary>Sets and checks local passwords with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed class LocalAccounts(IConsoleAccountStore store, TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<ConsoleAccount> Hasher = new();

    // Checked when the user does not exist, so that a wrong user name costs as much time as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new ConsoleAccount("", "", "", ""), "decoy-password-for-timing");

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>A message saying what is wrong with the password, or null when it is acceptable.</summary>
    public static string? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength
            ? $"must be at least {MinimumPasswordLength} characters"
            : null;

    public async Task SetPasswordAsync(string tenant, string userName, string password, bool readOnly, CancellationToken cancellationToken)
    {
        var account = new ConsoleAccount(tenant.Trim(), Normalize(userName), "", readOnly ? AccountScopes.ReadOnly : AccountScopes.Editor);
        account = account with { PasswordHash = Hasher.HashPassword(account, password) };
        await store.SaveAsync(account, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The account when the password matches, otherwise null.</summary>
    public async Task<ConsoleAccount?> VerifyAsync(string tenant, string userName, string password, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(tenant.Trim(), Normalize(userName), cancellationToken);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(new ConsoleAccount("", "", "", ""), DecoyHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SaveAsync(account with { PasswordHash = Hasher.HashPassword(account, password) }, clock.GetUtcNow(), cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : account;
    }
}
