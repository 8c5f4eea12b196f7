using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Storewise.Api.Auth;

/// <summary>Resolves the HS256 key: the configured one, or one generated once and kept in the data directory.</summary>
public static class SigningKeys
{
    public const string FileName = "signing.key";

    public static SymmetricSecurityKey Resolve(AuthOptions options, string dataDirectory, out bool generated)
    {
        generated = false;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            bytes = Decode(options.SigningKey);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            var path = Path.Combine(dataDirectory, FileName);
            if (!File.Exists(path))
            {
                var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
                try
                {
                    // CreateNew: two instances starting at once never overwrite each other's key.
                    using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    stream.Write(Encoding.ASCII.GetBytes(fresh));
                    generated = true;
                }
                catch (IOException) when (File.Exists(path))
                {
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            bytes = Decode(File.ReadAllText(path).Trim());
        }

        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }

    private static byte[] Decode(string key)
    {
        Span<byte> buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32
            ? buffer[..written].ToArray()
            : Encoding.UTF8.GetBytes(key);
    }
}
