using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.TppeIntegration;

/// <summary>The integration configuration sections of a tenant; the auth token is stored encrypted.</summary>
public sealed class IntegrationConfigStore(Database database, IDataProtectionProvider protection)
{
    /// <summary>The Data Protection purpose of the auth token; the TPPE notification sender decrypts with it too.</summary>
    public const string TokenPurpose = "Storewise.Configuration.AuthToken.v1";

    private readonly IDataProtector _tokenProtector = protection.CreateProtector(TokenPurpose);

    /// <summary>The stored section, or null when nothing was ever stored.</summary>
    public async Task<IntegrationConfigResponse?> GetAsync(string tenant, string section, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string?>(
            "SELECT session_update_url FROM integration_configs WHERE tenant = @tenant AND section = @section",
            new { tenant, section });
        var found = rows.AsList();
        return found.Count == 0 ? null : new IntegrationConfigResponse(found[0]);
    }

    /// <summary>
    /// Merges the patch in one statement (no read-modify-write), so concurrent PATCHes of different
    /// members never undo each other.
    /// </summary>
    public async Task<IntegrationConfigResponse> MergeAsync(
        string tenant, string section, IntegrationConfigPatch patch, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async (connection, tx) =>
        {
            var url = await connection.QuerySingleAsync<string?>(
                """
                INSERT INTO integration_configs (tenant, section, session_update_url, auth_token, updated_at, updated_by)
                VALUES (@tenant, @section, @url, @token, @now, @userId)
                ON CONFLICT (tenant, section) DO UPDATE SET
                    session_update_url = COALESCE(excluded.session_update_url, integration_configs.session_update_url),
                    auth_token = COALESCE(excluded.auth_token, integration_configs.auth_token),
                    updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                RETURNING session_update_url
                """,
                new
                {
                    tenant,
                    section,
                    url = patch.SessionUpdateUrl,
                    token = patch.AuthToken is null ? null : _tokenProtector.Protect(patch.AuthToken),
                    now = now.ToUnixTimeMilliseconds(),
                    userId,
                },
                tx);
            var config = new IntegrationConfigResponse(url);
            return WriteOutcome.Commit(config).WithEvent(ConfigurationChange.Event(tenant, section, now, config));
        }, cancellationToken);
    }

    /// <summary>The decrypted token, for the code that calls the integration; never sent to API clients.</summary>
    public async Task<string?> GetAuthTokenAsync(string tenant, string section, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT auth_token FROM integration_configs WHERE tenant = @tenant AND section = @section",
            new { tenant, section });
        return stored is null ? null : _tokenProtector.Unprotect(stored);
    }
}
