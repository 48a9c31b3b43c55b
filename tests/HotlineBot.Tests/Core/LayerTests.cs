using HotlineBot.Cases;
using HotlineBot.Storage;
using HotlineBot.Telegram;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The layers as the compiler keeps them: the core knows neither the messenger nor the database; the edges know the
/// core but not each other. A reference added by mistake (a project or a package) fails here, by name.
/// </summary>
public sealed class LayerTests
{
    private static IReadOnlyList<string> ReferencesOf(Type inAssembly) =>
        [.. inAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void The_core_references_neither_Telegram_nor_LiteDB()
    {
        var references = ReferencesOf(typeof(Case));
        Assert.Equal("HotlineBot.Core", typeof(Case).Assembly.GetName().Name);
        Assert.Contains("Stateless", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Telegram.Bot", StringComparison.Ordinal));
        Assert.DoesNotContain("LiteDB", references);
        Assert.DoesNotContain(references, r => r is "HotlineBot" or "HotlineBot.Storage" or "HotlineBot.Telegram");
    }

    [Fact]
    public void The_Telegram_edge_does_not_reach_into_storage()
    {
        var references = ReferencesOf(typeof(OutboxSender));
        Assert.Contains("Telegram.Bot", references);
        Assert.Contains("HotlineBot.Core", references);
        Assert.DoesNotContain("LiteDB", references);
        Assert.DoesNotContain("HotlineBot.Storage", references);
    }

    [Fact]
    public void Storage_does_not_know_the_messenger()
    {
        var references = ReferencesOf(typeof(HotlineDatabase));
        Assert.Contains("LiteDB", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Telegram.Bot", StringComparison.Ordinal));
        Assert.DoesNotContain("HotlineBot.Telegram", references);
    }
}
