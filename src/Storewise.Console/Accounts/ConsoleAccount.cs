namespace Storewise.BackOffice.Accounts;

/// <summary>A local console account: its tenant, its user name (lower case), its password hash and its API scopes.</summary>
public sealed record ConsoleAccount(string Tenant, string UserName, string PasswordHash, string Scopes);
