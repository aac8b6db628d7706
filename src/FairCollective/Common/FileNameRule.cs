using System.Globalization;
using System.Text;

namespace FairCollective.Common;

/// <summary>
/// The one rule for a name that becomes a file or folder name: a dataset's name (its folder under
/// <c>--export-randomness</c> and <c>randomness:</c>), an experiment's name (its store <c>NAME.sqlite</c>, its figures
/// <c>NAME-kind.png</c>). Such a name must stay one entry of the folder it is put in, on every system a store or an
/// export may travel to, so it may not be empty, <c>.</c> or <c>..</c>, hold a path separator, a drive colon, a
/// control character or a character Windows refuses, end in a dot or a space (Windows drops them, so two names
/// would meet), be a Windows device name (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, ... with or without an extension),
/// or exceed <see cref="MaxBytes"/>. Names are checked, never rewritten: two names rewritten alike would share a
/// folder.
/// </summary>
public static class FileNameRule
{
    /// <summary>
    /// Longest name, in UTF-8 bytes: file systems allow 255 per entry, and the longest suffix a name gets
    /// (<c>.shard-1000-of-1000.sqlite</c>, <c>-firm-side-pareto.png</c>) needs the rest.
    /// </summary>
    public const int MaxBytes = 200;

    private static readonly string[] DeviceNames =
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).Select(i => "COM" + i), .. Enumerable.Range(1,
            9).Select(i => "LPT" + i)];

    /// <summary>What keeps <paramref name="name"/> from being a file name, or null when it can be one.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "it is empty";
        if (name is "." or "..") return name == "." ? "'.' is the folder itself" : "'..' is the parent folder";
        foreach (char c in name)
        {
            if (c is '/' or '\\') return $"it contains the path separator '{c}'";
            if (c == ':') return "it contains ':' (a drive or stream separator on Windows)";
            if (char.IsControl(c)) return string.Create(CultureInfo.InvariantCulture,
                $"it contains the control character U+{(int)c:X4}");
            if (c is '<' or '>' or '"' or '|' or '?' or '*') return
                $"it contains '{c}', which Windows does not allow in a file name";
        }
        if (name[^1] is '.' or ' ') return "it ends in a dot or a space (Windows drops them)";
        string stem = name.Split('.')[0].TrimEnd(' ');
        if (DeviceNames.Contains(stem,
            StringComparer.OrdinalIgnoreCase)) return $"'{stem}' is a device name on Windows";
        int bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxBytes) return string.Create(CultureInfo.InvariantCulture,
            $"it is {bytes} bytes long, more than the limit of {MaxBytes}");
        return null;
    }

    /// <summary>
    /// <paramref name="name"/>, or a <see cref="UserInputException"/> "<paramref name="culprit"/> 'NAME' cannot be a
    /// file or folder name: PROBLEM" when <see cref="Problem"/> finds one (<paramref name="culprit"/> names the key it
    /// came from, e.g. "people.yaml: name").
    /// </summary>
    public static string Check(string? name, string culprit) =>
        Problem(name) is { } problem
            ? throw new UserInputException($"{culprit} '{Shown(name)}' cannot be a file or folder name: {problem}")
            : name!;

    /// <summary><paramref name="folder"/> joined with <paramref name="name"/>, once <see cref="Check"/> has passed
    /// it.</summary>
    public static string Join(string folder, string name, string culprit) => Path.Combine(folder, Check(name, culprit));

    // A name shown in a one-line message: control characters as escapes, so the message stays one line.
    private static string Shown(string? name) =>
        string.Concat((name ?? "").Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture,
            $"\\u{(int)c:x4}") : c.ToString()));
}
