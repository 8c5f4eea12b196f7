using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Storewise.BackOffice.Accounts;

/// <summary>
/// The one-time setup link of a first start: a time-limited token protected with the service's Data Protection keys.
/// It is one-time by construction: the setup page takes it only while no account exists.
/// </summary>
public sealed class SetupLinks(IDataProtectionProvider protection, ConsoleOptions options, TimeProvider clock)
{
    private const string Purpose = "Storewise.Console.SetupLink.v1";

    public string NewToken()
    {
        var protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return protector.Protect(nonce, clock.GetUtcNow() + options.SetupLinkLifetime);
    }

    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token, out var expires);
            return expires > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
