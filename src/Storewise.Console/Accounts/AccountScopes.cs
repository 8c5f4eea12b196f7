namespace Storewise.BackOffice.Accounts;

/// <summary>The API scopes of the two kinds of local account.</summary>
public static class AccountScopes
{
    public const string PromotionsRead = "promotions:read";
    public const string PromotionsWrite = "promotions:write";
    public const string ConfigRead = "config:read";
    public const string ConfigWrite = "config:write";

    /// <summary>An editor may do everything the API allows.</summary>
    public const string Editor = PromotionsRead + " " + PromotionsWrite + " " + ConfigRead + " " + ConfigWrite;

    /// <summary>A read-only user sees everything and changes nothing.</summary>
    public const string ReadOnly = PromotionsRead + " " + ConfigRead;
}
