namespace HotlineBot.Conversations;

/// <summary>
/// Rung by whoever puts something in the inbox from outside the intake (the sender's delivery facts), so the processor
/// wakes for it. A bell of its own because the processor itself delivers through the sender: a direct reference both
/// ways would be a cycle.
/// </summary>
public sealed class InboxBell
{
    private Action? _wake;

    public void Ring() => _wake?.Invoke();

    internal void Answer(Action wake) => _wake = wake;
}
