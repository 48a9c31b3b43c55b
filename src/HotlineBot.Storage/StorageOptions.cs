using System.ComponentModel.DataAnnotations;

namespace HotlineBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string Path { get; set; } = "data/hotline.db";

    /// <summary>When set, LiteDB encrypts the whole file (AES) with it.</summary>
    public string? Password { get; set; }
}
