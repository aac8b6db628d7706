namespace FairCollective.Common;

/// <summary>
/// What the folders of a multi-file output (a report, a plan) held before it was written, so that an output that fails
/// part-way (a full disk, a path in the way) can take back what it added: the files that were not there before and the
/// folders it created. Each file is written atomically (<see cref="AtomicFile"/>), so a failure leaves no half file;
/// this removes the whole files and folders written before it, so a failed output leaves nothing behind. Files it
/// replaced stay replaced (each is whole).
/// </summary>
public sealed class OutputFolders
{
    private readonly List<(string Folder, HashSet<string> Files)> _existing = [];
    private readonly List<string> _created = [];

    private OutputFolders()
    {
    }

    // Notes, before an output is written, which of the folders (and their parents) exist and the files each holds.
    private static OutputFolders Before(params string[] folders)
    {
        var before = new OutputFolders();
        foreach (var folder in folders.Select(Path.GetFullPath))
        {
            if (Directory.Exists(folder))
            {
                before._existing.Add((folder, Directory.EnumerateFiles(folder).ToHashSet(StringComparer.Ordinal)));
                continue;
            }
            // The outermost folder that does not exist yet: removing it removes every folder the output creates below.
            string top = folder;
            for (string? p = Path.GetDirectoryName(folder); p is not null && !Directory.Exists(p)
                && !File.Exists(p); p = Path.GetDirectoryName(p)) top = p;
            if (!before._created.Any(c => top.StartsWith(c + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || top == c)) before._created.Add(top);
        }
        return before;
    }

    /// <summary>Runs <paramref name="write"/>, the writing of an output into <paramref name="folders"/>; if it fails,
    /// removes what it added, then rethrows.</summary>
    public static T Write<T>(string[] folders, Func<T> write)
    {
        var before = Before(folders);
        try
        {
            return write();
        }
        catch
        {
            before.RemoveWhatWasAdded();
            throw;
        }
    }

    // Deletes the files added to the folders that existed, and the folders that did not (best effort: the failure that
    // led here is what the user must see).
    private void RemoveWhatWasAdded()
    {
        try
        {
            foreach (var (folder, files) in _existing)
                if (Directory.Exists(folder))
                    foreach (var file in Directory.EnumerateFiles(folder).Where(f => !files.Contains(f)).ToArray())
                        File.Delete(file);
            foreach (var folder in _created)
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it is: what could not be removed is whole, and the original error is reported.
        }
    }
}
