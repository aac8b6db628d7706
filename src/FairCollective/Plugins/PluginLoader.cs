using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using FairCollective.Common;

namespace FairCollective.Plugins;

/// <summary>
/// Loads plug-in assemblies into the process (the default load context, so they share FairCollective's types) and runs
/// each public <see cref="IPlugin"/> they hold. A file is loaded once per process; loading it again returns what the
/// first load registered. Every failure is a user error naming the file.
/// </summary>
public static class PluginLoader
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, LoadedPlugin> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every plug-in loaded so far, in load order.</summary>
    public static IReadOnlyList<LoadedPlugin> All
    {
        get { lock (Gate) return Loaded.Values.ToArray(); }
    }

    /// <summary>Loads the assembly at <paramref name="path"/> and registers its plug-ins' components.</summary>
    /// <exception cref="UserInputException">The file is missing or not a .NET assembly, holds no plug-in, or a plug-in
    /// failed.</exception>
    public static LoadedPlugin Load(string path)
    {
        string full = Path.GetFullPath(path);
        lock (Gate)
        {
            if (Loaded.TryGetValue(full, out var done)) return done;
            if (!File.Exists(full)) throw new UserInputException($"plug-in '{path}': no such file");
            byte[] bytes = File.ReadAllBytes(full);
            string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            Assembly assembly;
            try
            {
                var name = AssemblyName.GetAssemblyName(full);
                var already = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a
                    => a.GetName().Name == name.Name);
                if (already is not null)
                    throw new UserInputException($"plug-in '{path}': an assembly named {name.Name} is already loaded " +
                        $"({(already.IsDynamic ? "in memory" : already.Location)}); give each plug-in its own name");
                // The plug-in's own dependencies are found beside it (its .deps.json); FairCollective's are the host's.
                var resolver = new AssemblyDependencyResolver(full);
                AssemblyLoadContext.Default.Resolving += (context, wanted) =>
                    resolver.ResolveAssemblyToPath(wanted) is { } dependency ? context.LoadFromAssemblyPath(dependency)
                        : null;
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
            }
            catch (BadImageFormatException)
            {
                throw new UserInputException($"plug-in '{path}': not a .NET assembly");
            }
            catch (FileLoadException e)
            {
                throw new UserInputException($"plug-in '{path}': cannot be loaded ({e.Message})");
            }
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "0";
            string origin = $"{assembly.GetName().Name} {version} sha256:{sha}";
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or TypeLoadException)
            {
                throw new UserInputException($"plug-in '{path}': its types cannot be read " +
                    $"({e.Message.Split('\n')[0]}); is it built against this FairCollective?");
            }
            var plugins = types.Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is
            {
                IsAbstract: false,
                IsInterface: false
            } && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
            if (plugins.Length == 0) throw new UserInputException($"plug-in '{path}': no public class implementing " +
                $"{nameof(IPlugin)} with a parameterless constructor");
            var registry = new PluginRegistry(origin);
            foreach (var type in plugins)
            {
                try
                {
                    ((IPlugin)Activator.CreateInstance(type)!).Register(registry);
                }
                catch (UserInputException e)
                {
                    throw new UserInputException($"plug-in '{path}' ({type.Name}): {e.Message}");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                    throw new UserInputException($"plug-in '{path}' ({type.Name}) failed while registering: " +
                        $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}");
                }
            }
            var loaded = new LoadedPlugin(full, origin, registry.Added);
            Loaded[full] = loaded;
            return loaded;
        }
    }
}

/// <summary>A loaded plug-in assembly.</summary>
/// <param name="Path">The assembly's full path.</param>
/// <param name="Origin">Its identity as cells record it: assembly name, version and SHA-256 of the file.</param>
/// <param name="Components">What it registered ("strategy Centroid", ...), in order.</param>
public sealed record LoadedPlugin(string Path, string Origin, IReadOnlyList<string> Components);
