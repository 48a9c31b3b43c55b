namespace HotlineBot.Storage;

/// <summary>
/// An update the bot could not handle after <c>InboxProcessor.MaxAttempts</c> tries, kept whole instead of dropped:
/// what a person wrote is never lost, even to a bug. The error is stored redacted (no token).
/// </summary>
public sealed class DeadLetter
{
    public int Id { get; set; }
    public long UpdateId { get; set; }
    public long ChatId { get; set; }
    public string Payload { get; set; } = string.Empty;
    public string ErrorType { get; set; } = string.Empty;
    public string ErrorMessage { get; set; } = string.Empty;
    public int Attempts { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The person's open case when it was parked, so the case log and export can point to it.</summary>
    public int? CaseId { get; set; }
}
