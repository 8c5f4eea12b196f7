using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Tests.Infrastructure;
using Storewise.BackOffice.Accounts;

namespace Storewise.Api.Tests.ConsoleAccounts;

/// <summary>Local console accounts on each provider: a password set is checked, replaced, and made read-only (docs/decisions/1102-local-console-accounts.md).</summary>
public abstract class ConsoleAccountStoreTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_password_set_is_verified_replaced_and_its_kind_changed()
    {
        var accounts = fixture.Services.GetRequiredService<LocalAccounts>();
        var store = fixture.Services.GetRequiredService<IConsoleAccountStore>();
        var tenant = ApiFixture.NewTenant();

        await accounts.SetPasswordAsync(tenant, " Anna ", "first password 1", readOnly: false, CancellationToken.None);
        Assert.True(await store.AnyAsync(CancellationToken.None));
        var editor = await accounts.VerifyAsync(tenant, "ANNA", "first password 1", CancellationToken.None);
        Assert.Equal(("anna", AccountScopes.Editor), (editor?.UserName, editor?.Scopes));
        Assert.Null(await accounts.VerifyAsync(tenant, "anna", "wrong password 1", CancellationToken.None));
        Assert.Null(await accounts.VerifyAsync(ApiFixture.NewTenant(), "anna", "first password 1", CancellationToken.None));

        await accounts.SetPasswordAsync(tenant, "anna", "second password 2", readOnly: true, CancellationToken.None);
        Assert.Null(await accounts.VerifyAsync(tenant, "anna", "first password 1", CancellationToken.None));
        var viewer = await accounts.VerifyAsync(tenant, "anna", "second password 2", CancellationToken.None);
        Assert.Equal(AccountScopes.ReadOnly, viewer?.Scopes);
        Assert.DoesNotContain("second password 2", viewer?.PasswordHash ?? "", StringComparison.Ordinal);
    }
}

public sealed class ConsoleAccountStoreSqliteTests(SqliteApiFixture fixture) : ConsoleAccountStoreTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ConsoleAccountStorePostgresTests(PostgresApiFixture fixture) : ConsoleAccountStoreTests(fixture), IClassFixture<PostgresApiFixture>;
