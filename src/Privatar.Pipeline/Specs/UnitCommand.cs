using System.Globalization;
using Privatar.Pipeline.Config;

namespace Privatar.Pipeline.Specs;

/// <summary>
/// How a unit is executed. <see cref="Tool"/> runs an external program (the <c>privatar</c> CLI, in a
/// subprocess, so the build host never loads TorchSharp); <see cref="InProcess"/> runs a delegate for
/// pure-BCL work. Arguments are built from the unit's own parameters, so a command cannot read
/// a key the unit did not declare.
/// </summary>
public abstract record UnitCommand
{
    /// <summary>A <c>privatar</c> verb: <c>UnitCommand.Privatar(p => ["noise", "calibrate", "--sigma", p.Double("noise.sigma")])</c>.</summary>
    public static UnitCommand Privatar(Func<ParamValues, IEnumerable<object>> args) => new ToolCommand("privatar", args);

    /// <summary>Any tool registered with the runner (tests register <c>sh</c>).</summary>
    public static UnitCommand Tool(string tool, Func<ParamValues, IEnumerable<object>> args) => new ToolCommand(tool, args);

    public static UnitCommand InProcess(Action<UnitContext> run) => new InProcessCommand(run);
}

public sealed record ToolCommand(string ToolName, Func<ParamValues, IEnumerable<object>> Args) : UnitCommand
{
    public IReadOnlyList<string> Render(ParamValues p) => Args(p).Select(Format).ToList();

    static string Format(object o) => o switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => o.ToString() ?? "",
    };
}

public sealed record InProcessCommand(Action<UnitContext> Run) : UnitCommand;

/// <summary>What an in-process unit sees while it runs.</summary>
public sealed class UnitContext(string root, string unitName, ParamValues parameters, IPipelineLog log)
{
    public string Root { get; } = root;
    public string UnitName { get; } = unitName;
    public ParamValues Params { get; } = parameters;
    public IPipelineLog Log { get; } = log;

    /// <summary>The absolute path of a repository-relative path.</summary>
    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);
}
