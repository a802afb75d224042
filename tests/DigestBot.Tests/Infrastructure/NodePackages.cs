using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Installs the npm packages of a folder once per lock file, safely across parallel test processes.</summary>
internal static class NodePackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static async Task EnsureInstalledAsync(string folder)
    {
        var lockFileHash = Convert.ToHexString(
            SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "package-lock.json"))));
        // Written after a successful `npm ci`: node_modules matches the lock file as long as the hash does.
        var stamp = Path.Combine(folder, "node_modules", ".digestbot-lock-hash");
        if (IsCurrent(stamp, lockFileHash))
        {
            return;
        }

        await using var installLock = await AcquireLockAsync(folder);
        if (IsCurrent(stamp, lockFileHash))
        {
            return;
        }

        await CommandLine.RunCheckedAsync(
            "npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout, workingDirectory: folder);
        await File.WriteAllTextAsync(stamp, lockFileHash);
    }

    private static bool IsCurrent(string stamp, string lockFileHash) =>
        File.Exists(stamp) && File.ReadAllText(stamp) == lockFileHash;

    /// <summary>An exclusive lock file (flock on Unix) that also excludes other test hosts installing the same folder.</summary>
    private static async Task<FileStream> AcquireLockAsync(string folder)
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"digestbot-npm-{name}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
