using Storewise.BackOffice.Accounts;
using Storewise.BackOffice.Api;

namespace Storewise.BackOffice;

/// <summary>
/// What the hosting service hands the console: where local accounts are kept, how to sign a short-lived API token
/// for a local account (null with an OpenID Connect authority), and the sales-order configuration keys it knows.
/// </summary>
public sealed record ConsoleHostServices(
    Func<IServiceProvider, IConsoleAccountStore> Accounts,
    Func<IServiceProvider, IApiTokenIssuer>? Tokens,
    IReadOnlyList<string> SalesOrderKeys);
