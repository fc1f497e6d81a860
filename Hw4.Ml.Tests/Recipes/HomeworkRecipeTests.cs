using Hw4.Ml.Denoising;
using Hw4.Ml.Models;
using Hw4.Ml.Recipes;
using Hw4.Ml.Training;

namespace Hw4.Ml.Tests.Recipes;

public sealed class HomeworkRecipeTests
{
    [Fact]
    public void Differences_TheRecipeWithAnySeedAndThreads_None()
    {
        Assert.Empty(HomeworkRecipe.Differences(HomeworkRecipe.Training(ModelKind.Residual, seed: 7) with { Threads = 2, ProgressEveryBatches = 1 }));
    }

    [Fact]
    public void Differences_ASmokeRun_NamesEachSettingWithTheRecipesValue()
    {
        var smoke = new TrainerOptions { Epochs = 2, Limit = 2048, LearningRate = 2e-3, BatchSize = 8, Augment = false, ValidationSize = 500 };

        var differences = HomeworkRecipe.Differences(smoke).Select(d => d.ToString());

        Assert.Equal(
            ["epochs 2, not 15", "limit 2,048 training images, not all", "lr 0.002, not 0.0001", "batch size 8, not 64", "augmentation off, not on", "validation images 500, not 5,000"],
            differences);
    }

    [Fact]
    public void Differences_DenoisingAtAnotherStep_NamesLrAndSteps()
    {
        var asked = DenoisePresets.GradientDescent(DenoiseNorm.L1);

        var differences = HomeworkRecipe.Differences(asked with { Lr = 0.3, Steps = 100, ReportEvery = 1 }, asked).Select(d => d.ToString());

        Assert.Equal(["lr 0.3, not 0.1", "steps 100, not 200"], differences);
    }
}
