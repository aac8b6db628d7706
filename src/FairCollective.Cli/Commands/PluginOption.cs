using System.CommandLine;
using FairCollective.Common;
using FairCollective.Plugins;

namespace FairCollective.Cli.Commands;

/// <summary>
/// The <c>--plugin</c> option of the commands that name components outside a spec (<c>plan</c>, <c>results show</c>,
/// <c>report</c>): plug-in assemblies loaded before any other option is read, so their strategies, learners and
/// metrics are names those options may use. A spec names its own (<c>plugins:</c>).
/// </summary>
internal static class PluginOption
{
    /// <summary>A new <c>--plugin</c> option (repeatable) whose help says what the command may then name.</summary>
    public static Option<string[]> Create(string whatItAdds) => new("--plugin")
    {
        Description = $"A plug-in assembly whose {whatItAdds} the command may then name (repeat for several; " +
            "docs/architecture.md, 'Adding a component').",
    };

    /// <summary>Loads every assembly <paramref name="option"/> names; a bad one is one line naming the
    /// option.</summary>
    public static void Load(ParseResult parse, Option<string[]> option)
    {
        foreach (var plugin in parse.GetValue(option) ?? [])
            try
            {
                PluginLoader.Load(plugin);
            }
            catch (UserInputException e)
            {
                throw new UserInputException($"--plugin: {e.Message}");
            }
    }
}
