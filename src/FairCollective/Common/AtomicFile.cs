using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FairCollective.Common;

/// <summary>
/// Writes files so that a reader, or the next run, sees either the previous file or the complete new one, never a part:
/// the content goes to a temporary file in the target's folder (<c>.&lt;name&gt;.&lt;pid&gt;-&lt;random&gt;.tmp</c>),
/// is flushed to disk and is then renamed over the target, which is atomic within one file system. A missing folder is
/// created. Every I/O failure (no permission, a read-only or full file system, a parent that is a file) becomes a
/// one-line <see cref="UserInputException"/> naming the target, and the temporary file is removed, so a failed write
/// leaves neither a target nor a temporary file. Only a killed process leaves its temporary file behind;
/// <see cref="DeleteStaleTemporaries"/> removes such files once their process is gone.
/// </summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the bytes to <paramref name="path"/> atomically.</summary>
    /// <exception cref="UserInputException">The file cannot be written; the message names it.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, s => s.Write(bytes));
    }

    /// <summary>Writes the text to <paramref name="path"/> atomically, as UTF-8 without a byte-order mark.</summary>
    /// <exception cref="UserInputException">The file cannot be written; the message names it.</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, s =>
        {
            using var w = new StreamWriter(s, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
            w.Write(text);
        });
    }

    /// <summary>
    /// Lets <paramref name="write"/> fill a stream that becomes <paramref name="path"/> only once the writer has
    /// returned and the bytes are on disk. An exception from the writer leaves the target as it was; an I/O failure
    /// becomes a <see cref="UserInputException"/>, any other exception is rethrown unchanged.
    /// </summary>
    /// <exception cref="UserInputException">The file cannot be written; the message names it.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = FullPath(path, "write");
        string name = Path.GetFileName(full);
        if (name.Length == 0
            || Directory.Exists(full)) throw new
            UserInputException($"cannot write '{path}': it is a folder, not a file");
        string folder = Path.GetDirectoryName(full)!;
        CreateFolder(folder, $"cannot write '{path}'");
        string temp = Path.Combine(folder, TemporaryName(name));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                bufferSize: 1 << 16))
            {
                write(stream);
                // Durable before it is visible: a crash after the rename must not expose an empty or partial file.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (e is IOException or UnauthorizedAccessException) throw Failure($"cannot write '{path}'", e);
            throw;
        }
    }

    /// <summary>Creates the folder and any missing parents (nothing happens when it exists).</summary>
    /// <exception cref="UserInputException">It cannot be created, e.g. a parent is a file; the message names the
    /// culprit.</exception>
    public static void EnsureDirectory(string path) => CreateFolder(FullPath(path, "create the folder"),
        $"cannot create the folder '{path}'");

    /// <summary>
    /// Deletes the temporary files this class left in <paramref name="directory"/> (not below it) whose writing process
    /// no longer runs on this machine: a process killed mid-write cannot clean up after itself. Files of live processes
    /// are kept, so concurrent writers are not disturbed; files that cannot be deleted are left. Returns how many were
    /// deleted.
    /// </summary>
    public static int DeleteStaleTemporaries(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        int deleted = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp*"))
            {
                var m = TemporaryPattern().Match(Path.GetFileName(file));
                if (!m.Success || !int.TryParse(m.Groups["pid"].ValueSpan, out int pid) || IsRunning(pid)) continue;
                if (TryDelete(file)) deleted++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Clean-up is best effort: the files written are complete either way.
        }
        return deleted;
    }

    /// <summary>True for a file name this class uses for its temporary files.</summary>
    public static bool IsTemporaryName(string fileName) => TemporaryPattern().IsMatch(fileName);

    /// <summary>
    /// A temporary path beside <paramref name="target"/>, named as this class names its own (with this process's id),
    /// for a file written by other means and renamed over the target when complete (a merged results store):
    /// <see cref="DeleteStaleTemporaries"/> removes it, and SQLite's -journal, -wal and -shm files beside it, once its
    /// process is gone.
    /// </summary>
    public static string TemporaryPath(string target)
    {
        string full = FullPath(target, "write");
        return Path.Combine(Path.GetDirectoryName(full)!, TemporaryName(Path.GetFileName(full)));
    }

    private static string TemporaryName(string name)
    {
        // Bounded, so a long target name cannot push the temporary name past the file system's limit (255 bytes).
        string stem = name.Length > 100 ? name[..100] : name;
        return $".{stem}.{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp";
    }

    // SQLite keeps -journal, -wal and -shm files beside a database written under a temporary name (TemporaryPath).
    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]+)-[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryPattern();

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void CreateFolder(string full, string failure)
    {
        if (Directory.Exists(full)) return;
        // The nearest existing ancestor decides: a file there can never hold a folder (.NET would say "already
        // exists").
        for (string? p = full; p is not null; p = Path.GetDirectoryName(p))
        {
            if (File.Exists(p)) throw new UserInputException($"{failure}: '{p}' is a file, not a folder");
            if (Directory.Exists(p)) break;
        }
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(failure, e);
        }
    }

    private static string FullPath(string path, string verb)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException($"cannot {verb} '{path}': not a valid path", e);
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The system's reason in one line, without the path it appends (that is the temporary file, which the user never
    /// named): "No space left on device : '/x/.a.1-…tmp'" becomes "No space left on device".
    /// </summary>
    private static UserInputException Failure(string failure, Exception e)
    {
        string reason = e is UnauthorizedAccessException ? "permission denied" : TrailingPath().Replace(e.Message, "");
        reason = string.Join(' ', reason.Split(['\r', '\n'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        return new UserInputException($"{failure}: {(reason.Length > 0 ? reason : e.GetType().Name)}", e);
    }

    [GeneratedRegex(@"\s*:\s*'[^']*'\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPath();
}
