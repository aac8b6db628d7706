namespace FairCollective.Common;

/// <summary>
/// The check every file FairCollective reads passes first, so a folder given where a file belongs says so
/// ("is a directory") instead of "not found", which sent users looking for a typo.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// Refuses <paramref name="path"/> when it is a folder ("PATH: is a directory, not a NOUN") or does not exist
    /// (<paramref name="notFound"/>, default "PATH: NOUN not found").
    /// </summary>
    /// <param name="path">The path given.</param>
    /// <param name="noun">What the file is, for messages: "file", "spec file", "feature file".</param>
    /// <param name="notFound">The message for a path that does not exist, where a command has its own wording.</param>
    public static void Require(string path, string noun, string? notFound = null)
    {
        if (Directory.Exists(path)) throw new UserInputException($"{path}: is a directory, not a {noun}");
        if (!File.Exists(path)) throw new UserInputException(notFound ?? $"{path}: {noun} not found");
    }
}
