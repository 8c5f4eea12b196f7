namespace Storewise.BackOffice.Accounts;

/// <summary>Where local accounts are kept (the service's database; docs/decisions/1102-local-console-accounts.md).</summary>
public interface IConsoleAccountStore
{
    Task<ConsoleAccount?> FindAsync(string tenant, string userName, CancellationToken cancellationToken);

    /// <summary>Creates the account or replaces its hash and scopes.</summary>
    Task SaveAsync(ConsoleAccount account, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
