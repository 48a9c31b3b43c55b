using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

/// <summary>What others sent a person while their chat was hidden, kept until they come back.</summary>
public interface IHeldStore
{
    void Hold(Outbound outbound, DateTimeOffset now);

    /// <summary>Everything held for the chat, oldest first, removed from the store in the caller's transaction.</summary>
    IReadOnlyList<Outbound> Release(long chatId);

    /// <summary>Retention: what was held before <paramref name="before"/> goes, so its text is not kept for ever.</summary>
    int RemoveHeldBefore(DateTimeOffset before);
}
