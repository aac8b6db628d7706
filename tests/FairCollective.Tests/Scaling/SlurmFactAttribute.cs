namespace FairCollective.Tests.Scaling;

/// <summary>
/// A test that needs a real single-node Slurm cluster (Debian's slurm-wlm and munge, started as root by
/// deploy/slurm/single-node.sh). It runs unless <see cref="SkipVariable"/>=1; where the packages are missing or the
/// daemons cannot start, it fails saying why (bash test.sh installs the packages as root).
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public const string SkipVariable = "FAIRCOLLECTIVE_SKIP_SLURM";

    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
            Skip = $"{SkipVariable}=1: the Slurm job-array test was skipped";
    }
}
