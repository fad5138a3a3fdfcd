using System.CommandLine;
using Privatar.Cli;
using Privatar.Cli.Commands;

// Each concern registers its verbs in its own file under Commands/; this list is the table of contents.
var root = new RootCommand("privatar: privacy-preserving avatar reconstruction and DP training, run by hand");
EnvCommand.Register(root);
ModelCommand.Register(root);
ResultsCommand.Register(root);
VaeCommand.Register(root);
UntrainedCommand.Register(root);
MnistCommand.Register(root);
PrivacyCommand.Register(root);
DataCommand.Register(root);
NoiseCommand.Register(root);
NoisyCommand.Register(root);
AttackCommand.Register(root);
SynthesisCommand.Register(root);
// `privatar worker`: the pipeline runs many of the verbs above in one process through it ([pipeline] workers).
CliWorker.Register(root);

return CliRunner.Invoke(root, args);
