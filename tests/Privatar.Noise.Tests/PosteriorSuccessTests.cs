using Xunit;

namespace Privatar.Noise.Tests;

public sealed class PosteriorSuccessTests
{
    public sealed class TheFromMutualInformationMethod
    {
        // README: 4 ↔ 98%, 3 ↔ 82.7%, 1 ↔ 40%, 0.1 ↔ 9%, 0.01 ↔ 3.5%; "to its precision" = within one unit of the
        // last quoted digit. (The README cut 0.9808, 0.8280, 0.0968, 0.0358 and rounded 0.398 → 40%.)
        [Theory]
        [InlineData(4.0, 0.98, 0.01)]
        [InlineData(3.0, 0.827, 0.001)]
        [InlineData(1.0, 0.40, 0.01)]
        [InlineData(0.1, 0.09, 0.01)]
        [InlineData(0.01, 0.035, 0.001)]
        public void Should_Match_The_Readme_To_Its_Precision_With_65_Classes(double mi, double readme, double lastDigit)
        {
            var bound = PosteriorSuccess.FromMutualInformation(mi, 65);
            Assert.InRange(bound.SuccessRate, readme - lastDigit, readme + lastDigit);
            Assert.Equal(1.0 / 65, bound.Prior);
        }

        // Independent values: bisection to 1e-15 of x·ln(65x) + (1−x)·ln(65(1−x)/64) = MI in Python (math.log,
        // natural log, so MI is in nats); in bits the same MIs would give 0.787, 0.652, 0.312, 0.080, 0.032.
        [Theory]
        [InlineData(4.0, 0.980846)]
        [InlineData(3.0, 0.827997)]
        [InlineData(1.0, 0.398388)]
        [InlineData(0.1, 0.096753)]
        [InlineData(0.01, 0.035761)]
        public void Should_Solve_The_Fano_Equation_In_Nats(double mi, double expected)
        {
            var bound = PosteriorSuccess.FromMutualInformation(mi, 65);
            Assert.Equal(expected, bound.SuccessRate, 6);
            Assert.Equal(mi, PosteriorSuccess.Divergence(bound.SuccessRate, 65), 10);
        }

        [Fact]
        public void Should_Depend_On_The_Class_Count()
        {
            // 56 classes (the README's prior) gives a different table: MI 1 → 0.4143, not 0.3984.
            var bound = PosteriorSuccess.FromMutualInformation(1.0, 56);
            Assert.Equal(0.414335, bound.SuccessRate, 6);
            Assert.Equal(1.0 / 56, bound.Prior);
        }

        [Fact]
        public void Should_Return_The_Prior_At_Zero_And_Certainty_At_Ln_K()
        {
            Assert.Equal(1.0 / 65, PosteriorSuccess.FromMutualInformation(0, 65).SuccessRate);
            var vacuous = PosteriorSuccess.FromMutualInformation(Math.Log(65) + 1e-9, 65);
            Assert.True(vacuous.Vacuous);
            Assert.Equal(1.0, vacuous.SuccessRate);
            Assert.Equal(Math.Log(65), PosteriorSuccess.Divergence(1.0, 65), 12);
        }

        [Fact]
        public void Should_Name_The_Key_On_Bad_Input()
        {
            Assert.Contains("classes", Assert.Throws<ArgumentException>(() => PosteriorSuccess.FromMutualInformation(1, 1)).Message);
            Assert.Contains("mi", Assert.Throws<ArgumentException>(() => PosteriorSuccess.FromMutualInformation(-0.5, 65)).Message);
            Assert.Throws<ArgumentException>(() => PosteriorSuccess.FromMutualInformation(double.NaN, 65));
        }
    }
}
