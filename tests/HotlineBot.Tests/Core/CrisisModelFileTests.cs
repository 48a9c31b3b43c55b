using HotlineBot.Crisis;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The learned crisis model kept between starts (<see cref="CrisisModelFile"/>): read back it judges every phrase exactly as
/// the model that was learned; a file that is damaged, cut short or made for other examples is never used.
/// </summary>
public sealed class CrisisModelFileTests : IDisposable
{
    private readonly string _folder = TestPaths.TempDirectory();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<CrisisExample> Examples(string marker) =>
    [
        .. new[] { "holdout2.yaml", "holdout3.yaml" }
            .SelectMany(f => CrisisCorpus.Read(Path.Combine(TestPaths.Dialogs, "crisis-examples", f)))
            .Select(p => CrisisExamples.ExampleOf(p)!.Value),
        // A phrase of this test's own, so that no other test has learned (and kept in memory) a model of the same examples.
        new CrisisExample("мой кот спит на подоконнике " + marker, CrisisKind.None),
    ];

    private static IEnumerable<string> Probes() =>
        CrisisCorpus.Read(Path.Combine(TestPaths.Dialogs, "crisis-examples", "holdout.yaml")).Select(p => p.Text);

    [Fact]
    public void A_kept_model_read_back_judges_every_phrase_as_the_learned_one()
    {
        var examples = Examples(Guid.NewGuid().ToString("N"));
        var learned = CrisisModel.For(examples, _folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "crisis-model-*.bin"));
        Assert.Equal(CrisisModelFile.PathFor(_folder, CrisisModel.Fingerprint(examples)), file);

        var kept = CrisisModelFile.Read(_folder, CrisisModel.Fingerprint(examples));

        Assert.NotNull(kept);
        Assert.NotSame(learned, kept);
        Assert.Equal(learned.Examples, kept.Examples);
        Assert.All(Probes(), text => Assert.Equal(learned.Predict(CrisisText.Words(text)), kept.Predict(CrisisText.Words(text))));
    }

    [Fact]
    public void Other_examples_do_not_read_a_kept_model_and_a_new_one_replaces_it()
    {
        var first = Examples("first " + Guid.NewGuid().ToString("N"));
        var second = Examples("second " + Guid.NewGuid().ToString("N"));
        CrisisModel.For(first, _folder);

        Assert.Null(CrisisModelFile.Read(_folder, CrisisModel.Fingerprint(second)));
        CrisisModel.For(second, _folder);
        Assert.Equal(CrisisModelFile.PathFor(_folder, CrisisModel.Fingerprint(second)), Assert.Single(Directory.GetFiles(_folder, "crisis-model-*.bin")));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("cut")]
    public void A_damaged_file_is_not_used(string damage)
    {
        var examples = Examples(Guid.NewGuid().ToString("N"));
        var key = CrisisModel.Fingerprint(examples);
        CrisisModelFile.Write(_folder, key, CrisisModel.Train(examples));
        var path = CrisisModelFile.PathFor(_folder, key);
        Assert.NotNull(CrisisModelFile.Read(_folder, key));

        var bytes = File.ReadAllBytes(path);
        if (damage == "flip")
        {
            bytes[bytes.Length / 2] ^= 0x40;
        }
        else
        {
            Array.Resize(ref bytes, bytes.Length - 100);
        }

        File.WriteAllBytes(path, bytes);
        Assert.Null(CrisisModelFile.Read(_folder, key));
    }
}
