using Xunit;
namespace Privatar.Torch.Tests;
public class SmokeTests { [Fact] public void Loads() { Assert.Equal(6f, TorchSharp.torch.tensor(new float[]{1,2,3}).sum().item<float>()); } }
