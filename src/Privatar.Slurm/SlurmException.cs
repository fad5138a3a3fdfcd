namespace Privatar.Slurm;

/// <summary>A Slurm command failed or answered something the client cannot read; the message names the command.</summary>
public sealed class SlurmException(string message, Exception? inner = null) : Exception(message, inner);
