namespace HotlineBot.Conversations;

/// <summary>The two languages the hotline speaks. Stored by name, so the order here never matters.</summary>
public enum Language
{
    Kk,
    Ru,
}

public static class LanguageCodes
{
    public static string Code(this Language language) => language == Language.Kk ? "kk" : "ru";

    public static Language? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "kk" => Language.Kk,
        "ru" => Language.Ru,
        _ => null,
    };

    /// <summary>Telegram's language_code is only a hint: Kazakh phones often run in Russian, so only "kk" means Kazakh.</summary>
    public static Language Suggest(string? telegramLanguageCode) =>
        telegramLanguageCode?.StartsWith("kk", StringComparison.OrdinalIgnoreCase) == true ? Language.Kk : Language.Ru;
}
