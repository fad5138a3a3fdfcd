namespace Privatar.Generators.Tests.Pate;

/// <summary>One libtorch thread in the ensemble tests, as every pipeline unit runs.</summary>
static class TorchThreads
{
    public static void One() => TorchSharp.torch.set_num_threads(1);
}
