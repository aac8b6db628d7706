using System.Diagnostics;
using FairCollective.Common;

namespace FairCollective.Tests.Common;

[Trait(TestKind.Name, TestKind.Unit)]
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-atomic-").FullName;

    [Fact]
    public void WritesBytesTextAndStreamExactly()
    {
        var bytes = Path.Combine(_dir, "a.bin");
        AtomicFile.WriteAllBytes(bytes, [0, 1, 2, 255]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, File.ReadAllBytes(bytes));

        // UTF-8 without a byte-order mark: 'α' is the two bytes CE B1 and nothing precedes 'x'.
        var text = Path.Combine(_dir, "a.txt");
        AtomicFile.WriteAllText(text, "xα\n");
        Assert.Equal(new byte[] { (byte)'x', 0xCE, 0xB1, (byte)'\n' }, File.ReadAllBytes(text));

        var stream = Path.Combine(_dir, "a.csv");
        AtomicFile.Write(stream, s => s.Write("a,b\n1,2\n"u8));
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(stream));
        Assert.Equal(["a.bin", "a.csv", "a.txt"], Names(_dir));
    }

    [Fact]
    public void ReplacesAnExistingFileAndCreatesMissingFolders()
    {
        var target = Path.Combine(_dir, "new", "deeper", "r.txt");
        AtomicFile.WriteAllText(target, "old");
        AtomicFile.WriteAllText(target, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(["r.txt"], Names(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public void AParentThatIsAFileIsAOneLineErrorNamingIt()
    {
        var file = Path.Combine(_dir, "plain");
        File.WriteAllText(file, "x");
        var target = Path.Combine(file, "sub", "out.csv");
        var e = Assert.Throws<UserInputException>(() => AtomicFile.WriteAllText(target, "data"));
        Assert.Equal($"cannot write '{target}': '{file}' is a file, not a folder", e.Message);
        var d = Assert.Throws<UserInputException>(() => AtomicFile.EnsureDirectory(Path.Combine(file, "sub")));
        Assert.Equal($"cannot create the folder '{Path.Combine(file, "sub")}': '{file}' is a file, not a folder",
            d.Message);
        Assert.Equal(["plain"], Names(_dir));
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void AFolderAsTargetIsAUserError()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "taken")).FullName;
        var e = Assert.Throws<UserInputException>(() => AtomicFile.WriteAllText(folder, "x"));
        Assert.Equal($"cannot write '{folder}': it is a folder, not a file", e.Message);
        Assert.Empty(Names(folder));
    }

    [Fact]
    public void AFailingWriterLeavesThePreviousFileAndNoTemporary()
    {
        var target = Path.Combine(_dir, "keep.txt");
        File.WriteAllText(target, "previous");
        var bug = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("writer bug");
        }));
        Assert.Equal("writer bug", bug.Message);
        // An I/O failure inside the writer is the user's (a disk, a path): one line naming the target.
        var io = Assert.Throws<UserInputException>(() => AtomicFile.Write(target, s =>
        {
            s.Write("half"u8);
            throw new IOException("device went away\nsecond line");
        }));
        Assert.Equal($"cannot write '{target}': device went away second line", io.Message);
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal(["keep.txt"], Names(_dir));
    }

    [TmpfsFact]
    public void AFullFileSystemIsAOneLineErrorAndLeavesNothingPartial()
    {
        using var mount = Tmpfs.Mount(Path.Combine(_dir, "full"), "size=64k");
        var previous = Path.Combine(mount.Path, "prev.bin");
        AtomicFile.WriteAllBytes(previous, new byte[1000]);
        var big = new byte[1 << 20];
        var fresh = Path.Combine(mount.Path, "fresh.bin");
        var e = Assert.Throws<UserInputException>(() => AtomicFile.WriteAllBytes(fresh, big));
        Assert.Equal($"cannot write '{fresh}': No space left on device", e.Message);
        var over = Assert.Throws<UserInputException>(() => AtomicFile.WriteAllBytes(previous, big));
        Assert.Equal($"cannot write '{previous}': No space left on device", over.Message);
        Assert.Equal(new byte[1000], File.ReadAllBytes(previous));
        Assert.Equal(["prev.bin"], Names(mount.Path));
    }

    /// <summary>
    /// Root ignores folder permissions (a 0555 folder does not stop it), so the refused write is a read-only mount,
    /// which stops root too.
    /// </summary>
    [TmpfsFact]
    public void AReadOnlyFileSystemIsAOneLineError()
    {
        using var mount = Tmpfs.Mount(Path.Combine(_dir, "ro"), "ro,size=64k");
        var target = Path.Combine(mount.Path, "out.csv");
        var e = Assert.Throws<UserInputException>(() => AtomicFile.WriteAllText(target, "a,b\n"));
        Assert.Equal($"cannot write '{target}': Read-only file system", e.Message);
        var sub = Path.Combine(mount.Path, "sub");
        var d = Assert.Throws<UserInputException>(() => AtomicFile.EnsureDirectory(sub));
        Assert.StartsWith($"cannot create the folder '{sub}': ", d.Message);
        Assert.DoesNotContain('\n', d.Message);
        Assert.Empty(Names(mount.Path));
    }

    [Fact]
    public void StaleTemporariesOfDeadProcessesAreDeletedOthersKept()
    {
        int dead;
        using (var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            dead = p.Id;
        }
        var stale = Path.Combine(_dir, $".index.html.{dead}-0123456789ab.tmp");
        var live = Path.Combine(_dir, $".index.html.{Environment.ProcessId}-0123456789ab.tmp");
        var foreign = Path.Combine(_dir, $".index.html.{dead}.tmp");
        foreach (var f in new[] { stale, live, foreign }) File.WriteAllText(f, "partial");
        Assert.True(AtomicFile.IsTemporaryName(Path.GetFileName(stale)));
        Assert.False(AtomicFile.IsTemporaryName(Path.GetFileName(foreign)));

        Assert.Equal(1, AtomicFile.DeleteStaleTemporaries(_dir));
        Assert.Equal(new[] { foreign, live }.Select(Path.GetFileName).Order(StringComparer.Ordinal), Names(_dir));
        Assert.Equal(0, AtomicFile.DeleteStaleTemporaries(Path.Combine(_dir, "missing")));
    }

    private static string[] Names(string dir) =>
        Directory.GetFileSystemEntries(dir).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>A test that mounts a small tmpfs: it runs only as root where mounting works, and is skipped, saying why,
/// elsewhere.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable.Value is { } reason) Skip =
            $"needs a tmpfs mount to make a full or read-only file system: {reason}";
    }
}

/// <summary>A tmpfs mounted for one test (a real full or read-only file system without touching any disk).</summary>
public sealed class Tmpfs : IDisposable
{
    /// <summary>Why no tmpfs can be mounted here, or null when one can (probed once).</summary>
    public static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        if (Environment.UserName != "root") return "not running as root";
        var probe = Directory.CreateTempSubdirectory("fc-tmpfs-probe-").FullName;
        try
        {
            if (Run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", probe) is { } error) return error;
            Run("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    });

    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(string path, string options)
    {
        Directory.CreateDirectory(path);
        if (Run("mount", "-t", "tmpfs", "-o", options, "tmpfs",
            path) is { } error) throw new InvalidOperationException(error);
        return new Tmpfs(path);
    }

    public void Dispose()
    {
        if (Run("umount", Path) is { } error) throw new InvalidOperationException(error);
    }

    /// <summary>Runs a command; null on success, else its exit code and error output.</summary>
    private static string? Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
            UseShellExecute = false
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"{file} exited with {p.ExitCode}: {err.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cannot run {file}: {e.Message}";
        }
    }
}
