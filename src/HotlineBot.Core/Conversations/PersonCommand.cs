namespace HotlineBot.Conversations;

/// <summary>
/// What a person's «/…» message asks for. Anything else that starts with a slash is <see cref="Other"/>: inside a
/// case it is just words for the specialist, outside one it gets the "unknown command" answer.
/// </summary>
public abstract record PersonCommand
{
    /// <summary>The deep link that leads straight to a specialist (t.me/…?start=specialist).</summary>
    public const string SpecialistLink = "specialist";

    public static PersonCommand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return new Other();
        }

        return parts[0].Split('@')[0].ToLowerInvariant() switch
        {
            "/start" => new Start(parts.Length > 1 ? parts[1] : null),
            "/menu" => new Menu(),
            "/language" => new ChooseLanguage(),
            "/help" => new Help(),
            "/cancel" => new Cancel(),
            "/hide" => new Hide(),
            _ => new Other(),
        };
    }

    /// <param name="Payload">The deep link's start parameter: a node's deep link, or <see cref="SpecialistLink"/>.</param>
    public sealed record Start(string? Payload) : PersonCommand
    {
        public bool AsksForSpecialist => string.Equals(Payload, SpecialistLink, StringComparison.OrdinalIgnoreCase);
    }

    public sealed record Menu : PersonCommand;

    public sealed record ChooseLanguage : PersonCommand;

    public sealed record Help : PersonCommand;

    public sealed record Cancel : PersonCommand;

    /// <summary>Safe exit, typed.</summary>
    public sealed record Hide : PersonCommand;

    public sealed record Other : PersonCommand;
}
