namespace Storewise.Api.SalesOrderConfig;

/// <summary>How the webhook API key is shown on read (docs/spec.md §D10): never in full.</summary>
public static class WebhookKeyMask
{
    private const string Stars = "********";

    /// <summary>
    /// Eight stars and the last 4 characters (the stars do not reveal the length); keys shorter than 8
    /// characters are shown as stars only, since their last 4 would be most of the key.
    /// </summary>
    public static string Mask(string apiKey) => apiKey.Length < 8 ? Stars : Stars + apiKey[^4..];
}
