using Dapper;
using Storewise.Api.Storage;
using Storewise.BackOffice.Accounts;

namespace Storewise.Api.ConsoleAccounts;

/// <summary>The console's local accounts in the service's database (<c>console_accounts</c>, migration 0060).</summary>
public sealed class ConsoleAccountStore(Database database) : IConsoleAccountStore
{
    public async Task<ConsoleAccount?> FindAsync(string tenant, string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConsoleAccount>(
            """
            SELECT tenant AS Tenant, user_name AS UserName, password_hash AS PasswordHash, scopes AS Scopes
            FROM console_accounts WHERE tenant = @tenant AND user_name = @userName
            """,
            new { tenant, userName });
    }

    public Task SaveAsync(ConsoleAccount account, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO console_accounts (tenant, user_name, password_hash, scopes, created_at, updated_at)
                VALUES (@Tenant, @UserName, @PasswordHash, @Scopes, @now, @now)
                ON CONFLICT (tenant, user_name) DO UPDATE SET password_hash = excluded.password_hash, scopes = excluded.scopes, updated_at = excluded.updated_at
                """,
                new { account.Tenant, account.UserName, account.PasswordHash, account.Scopes, now = now.ToUnixTimeMilliseconds() },
                transaction);
            return WriteOutcome.Commit(true);
        }, cancellationToken);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM (SELECT 1 FROM console_accounts LIMIT 1) AS one") > 0;
    }
}
