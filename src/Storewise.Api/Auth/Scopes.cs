namespace Storewise.Api.Auth;

/// <summary>The token scopes and the authorization policies named after them.</summary>
public static class Scopes
{
    public const string PromotionsRead = "promotions:read";
    public const string PromotionsWrite = "promotions:write";
    public const string ConfigRead = "config:read";
    public const string ConfigWrite = "config:write";

    public static readonly string[] All = [PromotionsRead, PromotionsWrite, ConfigRead, ConfigWrite];
}
