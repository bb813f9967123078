using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Crm.BuildingBlocks.Security;

/// <summary>
/// The RSA key that signs access tokens, kept as a PEM file. The token service creates it on first start; a process
/// that only validates tokens reads the same file (standalone host) or fetches the public key from the token
/// service's JWKS (distributed).
/// </summary>
public sealed class SigningKeys
{
    public SigningKeys(string path, bool createIfMissing)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else if (createIfMissing)
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, rsa.ExportRSAPrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        else
        {
            throw new InvalidOperationException(
                $"No token signing key at {path}. Set Auth:Authority to the token service's URL, or Auth:SigningKeyPath to its key file.");
        }

        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        SigningKey = new RsaSecurityKey(rsa) { KeyId = keyId };
        PublicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = keyId };
        Credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256);
    }

    public RsaSecurityKey SigningKey { get; }
    public RsaSecurityKey PublicKey { get; }
    public SigningCredentials Credentials { get; }
}
